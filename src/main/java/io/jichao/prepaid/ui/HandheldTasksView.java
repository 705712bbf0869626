package io.jichao.prepaid.ui;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.prepaid.HandheldFile;
import io.jichao.prepaid.HandheldTaskService;
import io.jichao.prepaid.HandheldTaskService.HandheldTask;
import io.jichao.prepaid.HandheldTaskService.ImportSummary;
import io.jichao.prepaid.HandheldTaskService.TaskFile;
import io.jichao.prepaid.HandheldTaskService.WaitingOrder;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/**
 * Offline delivery with a handheld unit (R4): the district's waiting orders, the export of a task
 * file (all of them or the ticked ones) with its download, the upload of the handheld's result
 * file with the service's refusal or summary shown in place, and the recent tasks. Thin over
 * {@link HandheldTaskService}, which checks permission and district.
 */
@Route("prepaid/handheld")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.RECHARGE_CLERK_NAME})
public class HandheldTasksView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String WAITING_ID = "handheld-waiting";
    public static final String EXPORT_ID = "handheld-export";
    public static final String EXPORT_RESULT_ID = "handheld-export-result";
    public static final String DOWNLOAD_ID = "handheld-download";
    public static final String UPLOAD_ID = "handheld-upload";
    public static final String IMPORT_RESULT_ID = "handheld-import-result";
    public static final String TASKS_ID = "handheld-tasks";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient HandheldTaskService handheld;
    private final Grid<WaitingOrder> waiting = new Grid<>();
    private final Grid<HandheldTask> tasks = new Grid<>();
    private final Span exportResult = new Span();
    private final HorizontalLayout download = new HorizontalLayout();
    private final Span importResult = new Span();

    public HandheldTasksView(HandheldTaskService handheld) {
        this.handheld = handheld;
        setSizeFull();

        waiting.setId(WAITING_ID);
        waiting.setSelectionMode(Grid.SelectionMode.MULTI);
        waiting.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        waiting.setHeight("18em");
        waiting.addColumn(WaitingOrder::orderId).setHeader(getTranslation("handheld.col.order")).setAutoWidth(true);
        waiting.addColumn(WaitingOrder::meterAddress).setHeader(getTranslation("handheld.col.meter")).setAutoWidth(true);
        waiting.addColumn(o -> o.channel() == null ? "" : o.channel().toString())
                .setHeader(getTranslation("handheld.col.channel")).setAutoWidth(true);
        waiting.addColumn(o -> o.kwh().value().toPlainString()).setHeader(getTranslation("handheld.col.kwh"))
                .setAutoWidth(true);
        waiting.addColumn(o -> getTranslation("handheld.state." + o.state().name()))
                .setHeader(getTranslation("handheld.col.state")).setAutoWidth(true);
        waiting.addColumn(o -> TIME.format(o.createdAt())).setHeader(getTranslation("handheld.col.created"))
                .setFlexGrow(1);

        Button export = new Button(getTranslation("handheld.export"), VaadinIcon.DOWNLOAD.create(), click -> export());
        export.setId(EXPORT_ID);
        export.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        exportResult.setId(EXPORT_RESULT_ID);

        Upload upload = new Upload(new InMemoryUploadHandler((metadata, content) -> importResults(content)));
        upload.setId(UPLOAD_ID);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(HandheldFile.MAX_BYTES);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("handheld.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("handheld.drop"))));
        importResult.setId(IMPORT_RESULT_ID);

        tasks.setId(TASKS_ID);
        tasks.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        tasks.addColumn(t -> t.id().substring(0, 8)).setHeader(getTranslation("handheld.col.task")).setAutoWidth(true);
        tasks.addColumn(t -> TIME.format(t.createdAt())).setHeader(getTranslation("handheld.col.created"))
                .setAutoWidth(true);
        tasks.addColumn(HandheldTask::createdBy).setHeader(getTranslation("handheld.col.by")).setAutoWidth(true);
        tasks.addColumn(HandheldTask::rows).setHeader(getTranslation("handheld.col.rows")).setAutoWidth(true);
        tasks.addColumn(t -> getTranslation(t.open() ? "handheld.task.open" : "handheld.task.closed"))
                .setHeader(getTranslation("handheld.col.state")).setAutoWidth(true);
        tasks.addColumn(t -> t.closedAt() == null ? "" : TIME.format(t.closedAt()))
                .setHeader(getTranslation("handheld.col.closed")).setAutoWidth(true);
        tasks.addColumn(t -> t.open() ? "" : getTranslation("handheld.task.result", t.confirmed(), t.failed()))
                .setHeader(getTranslation("handheld.col.result")).setFlexGrow(1);

        add(new H3(getTranslation("handheld.waiting")), new Paragraph(getTranslation("handheld.export.hint")), waiting,
                new HorizontalLayout(export, download), exportResult,
                new H3(getTranslation("handheld.upload")), upload, importResult,
                new H3(getTranslation("handheld.tasks")), tasks);
        refresh();
    }

    private void export() {
        List<Long> chosen = waiting.getSelectedItems().stream().map(WaitingOrder::orderId).toList();
        try {
            TaskFile file = handheld.export(chosen);
            exportResult.setText(getTranslation("handheld.exported", file.taskId(), file.rows()));
            byte[] content = file.content();
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(content), file.fileName(), "text/plain; charset=UTF-8", content.length)),
                    AttachmentType.DOWNLOAD, "");
            link.setId(DOWNLOAD_ID);
            link.add(new Button(getTranslation("handheld.download"), VaadinIcon.FILE_TEXT_O.create()));
            download.removeAll();
            download.add(link);
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
        refresh();
    }

    private void importResults(byte[] content) {
        try {
            ImportSummary summary = handheld.importResults(new ByteArrayInputStream(content));
            importResult.getStyle().remove("color");
            importResult.setText(getTranslation("handheld.imported", summary.taskId(), summary.confirmed(),
                    summary.failed()));
        } catch (DomainException refused) {
            importResult.getStyle().set("color", "var(--lumo-error-text-color)");
            importResult.setText(getTranslation("handheld.import.refused", Notifications.message(refused)));
        }
        refresh();
    }

    private void refresh() {
        waiting.setItems(handheld.waitingOrders());
        tasks.setItems(handheld.tasks());
    }

    @Override
    public String pageTitleKey() {
        return "handheld.title";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }
}
