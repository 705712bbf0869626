package io.jichao.archive.ui;

import java.io.ByteArrayInputStream;
import java.util.Locale;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;
import com.vaadin.flow.shared.Registration;

import io.jichao.archive.MeterImportPreview;
import io.jichao.archive.MeterImportPreview.Problem;
import io.jichao.archive.MeterImportService;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/**
 * Imports meters from a CSV or Excel file in two steps: the upload shows a preview (how many
 * rows are fine and every problem with its row number), and only a preview without a single
 * problem can be imported, all rows at once. The file is held in memory; it is small by rule.
 */
public class MeterImportDialog extends Dialog {

    public static final String UPLOAD_ID = "meter-import-upload";
    public static final String SUMMARY_ID = "meter-import-summary";
    public static final String PROBLEMS_ID = "meter-import-problems";
    public static final String IMPORT_ID = "meter-import-run";
    public static final String TEMPLATE_ID = "meter-import-template";
    public static final String CLOSE_ID = "meter-import-close";

    private static final String[] FILE_TYPES = {".csv", ".xlsx", "text/csv",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};

    private final transient MeterImportService importer;
    private final Span summary = new Span();
    private final Grid<Problem> problems = new Grid<>();
    private final Button importButton = new Button();
    private MeterImportPreview preview;

    public MeterImportDialog(MeterImportService importer) {
        this.importer = importer;
        setHeaderTitle(getTranslation("import.title"));
        setWidth("min(56em, 95vw)");

        Upload upload = new Upload(new LimitedUpload((metadata, content) -> showPreview(content)));
        upload.setId(UPLOAD_ID);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MeterImportService.MAX_BYTES);
        upload.setAcceptedFileTypes(FILE_TYPES);
        upload.setI18n(uploadTexts());
        upload.addFileRejectedListener(event -> showPreview(MeterImportPreview.ofFileProblem(
                "error.import.file.rejected", MeterImportService.MAX_BYTES / (1024 * 1024))));

        boolean chinese = getLocale().getLanguage().equals(Locale.CHINESE.getLanguage());
        byte[] template = MeterImportService.templateCsv(chinese);
        Anchor templateLink = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(template), "meter-import-template.csv", "text/csv; charset=UTF-8",
                template.length)), AttachmentType.DOWNLOAD, getTranslation("import.template"));
        templateLink.setId(TEMPLATE_ID);

        summary.setId(SUMMARY_ID);
        problems.setId(PROBLEMS_ID);
        problems.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        problems.setAllRowsVisible(false);
        problems.setHeight("18em");
        problems.addColumn(problem -> problem.rowNumber() == MeterImportPreview.WHOLE_FILE
                        ? getTranslation("import.file") : String.valueOf(problem.rowNumber()))
                .setHeader(getTranslation("import.problem.row")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(problem -> problem.field() == null ? "" : getTranslation(problem.field().labelKey()))
                .setHeader(getTranslation("import.problem.column")).setAutoWidth(true).setFlexGrow(0);
        problems.addColumn(problem -> getTranslation(problem.messageKey(), problem.argumentArray()))
                .setHeader(getTranslation("import.problem.message")).setFlexGrow(1);
        problems.setVisible(false);

        add(new Paragraph(getTranslation("import.hint", MeterImportService.MAX_ROWS)), templateLink, upload, summary,
                problems);

        importButton.setText(getTranslation("action.import"));
        importButton.setId(IMPORT_ID);
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.setDisableOnClick(true);
        importButton.addClickListener(click -> runImport());
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId(CLOSE_ID);
        getFooter().add(close, importButton);
    }

    public Registration addImportedListener(ComponentEventListener<ImportedEvent> listener) {
        return addListener(ImportedEvent.class, listener);
    }

    /** The upload's own texts in the operator's language; the rest keep the component's defaults. */
    private UploadI18N uploadTexts() {
        String tooBig = getTranslation("error.import.file.rejected", MeterImportService.MAX_BYTES / (1024 * 1024));
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("import.upload")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("import.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(tooBig).setFileIsTooBig(tooBig)
                        .setIncorrectFileType(tooBig));
    }

    private void showPreview(byte[] content) {
        try {
            showPreview(importer.preview(content));
        } catch (DomainException e) {
            Notifications.error(e);
        }
    }

    private void showPreview(MeterImportPreview result) {
        preview = result;
        summary.setText(getTranslation("import.summary", result.rows().size(), result.problems().size()));
        problems.setItems(result.problems());
        problems.setVisible(!result.problems().isEmpty());
        importButton.setEnabled(result.importable());
    }

    private void runImport() {
        importButton.setEnabled(false);
        try {
            int imported = importer.commit(preview);
            Notifications.success("import.done", imported);
            fireEvent(new ImportedEvent(this, imported));
            close();
        } catch (DomainException e) {
            // Something changed since the preview (say, another operator took an address): nothing was saved.
            Notifications.error(e);
            summary.setText(Notifications.message(e));
        }
    }

    /** Meters were imported; the grid should show them. */
    public static class ImportedEvent extends ComponentEvent<MeterImportDialog> {
        private final int count;

        public ImportedEvent(MeterImportDialog source, int count) {
            super(source, false);
            this.count = count;
        }

        public int count() {
            return count;
        }
    }

    /** Refuses oversized files on the server too; the browser's limit is only a courtesy. */
    private static final class LimitedUpload extends InMemoryUploadHandler {
        LimitedUpload(InMemoryUploadCallback callback) {
            super(callback);
        }

        @Override
        public long getFileSizeMax() {
            return MeterImportService.MAX_BYTES;
        }
    }
}
