package io.jichao.archive.ui;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterExporter;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.archive.MeterState;
import io.jichao.archive.Phase;

/**
 * The CSV and Excel download links of the meter grid. They export what the grid selects, in its
 * order, but the whole result rather than the visible page, streamed from the service.
 *
 * <p>A download runs in its own request, outside the UI's session lock, so the links keep their
 * own copy of the filter, sort order and translated labels instead of reading components.
 */
final class MeterExportLinks implements Serializable {

    private static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final transient MeterService meters;
    private final Map<MeterExporter.Column, String> headers = new HashMap<>();
    private final Map<Enum<?>, String> labels = new HashMap<>();
    private volatile MeterFilter filter;
    private volatile List<MeterSort> sorts = List.of(MeterSort.byAddress());

    MeterExportLinks(MeterService meters, MeterFilter filter) {
        this.meters = meters;
        this.filter = filter;
        UI ui = UI.getCurrent();
        for (MeterExporter.Column column : MeterExporter.Column.values()) {
            headers.put(column, ui.getTranslation("meter.field." + column.name().toLowerCase(Locale.ROOT)));
        }
        Stream.of(MeterProtocol.values(), Phase.values(), BillingMode.values(), MeterState.values())
                .flatMap(Stream::of)
                .forEach(value -> labels.put(value, EnumLabels.of(value)));
    }

    void filter(MeterFilter changed) {
        filter = changed;
    }

    void sorts(List<MeterSort> changed) {
        sorts = List.copyOf(changed);
    }

    Anchor csv() {
        return link(MeterGridView.EXPORT_CSV_ID, "action.export.csv", VaadinIcon.FILE_TEXT_O, event -> {
            event.setFileName("meters.csv");
            event.setContentType("text/csv; charset=UTF-8");
            exporter().writeCsv(sink -> meters.forEachRow(filter, sorts, sink), event.getOutputStream());
        });
    }

    Anchor xlsx() {
        return link(MeterGridView.EXPORT_XLSX_ID, "action.export.xlsx", VaadinIcon.FILE_TABLE, event -> {
            event.setFileName("meters.xlsx");
            event.setContentType(XLSX_TYPE);
            exporter().writeXlsx(sink -> meters.forEachRow(filter, sorts, sink), event.getOutputStream());
        });
    }

    private MeterExporter exporter() {
        return new MeterExporter(headers::get, labels::get);
    }

    private static Anchor link(String id, String key, VaadinIcon icon, DownloadHandler handler) {
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, "");
        anchor.setId(id);
        anchor.add(new Button(UI.getCurrent().getTranslation(key), icon.create()));
        return anchor;
    }
}
