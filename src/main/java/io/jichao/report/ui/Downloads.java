package io.jichao.report.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.jichao.shared.report.ReportFile;

/** Download links of the report pages: the file is rendered by the service when clicked. */
final class Downloads {

    private Downloads() {
    }

    static Anchor link(String id, String caption, VaadinIcon icon, Supplier<ReportFile> file) {
        DownloadHandler handler = event -> {
            ReportFile rendered = file.get();
            event.setFileName(rendered.fileName());
            event.setContentType(rendered.contentType());
            event.getOutputStream().write(rendered.content());
        };
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.setId(id);
        anchor.add(new Button(caption, icon.create()));
        return anchor;
    }
}
