package io.jichao.faultmap.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.InMemoryUploadCallback;
import com.vaadin.flow.server.streams.InMemoryUploadHandler;

import io.jichao.faultmap.FaultMapService;
import io.jichao.faultmap.FloorPlanFiles;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Notifications;

/**
 * Uploads a floor's plan (SVG or PNG up to {@link FloorPlanFiles#MAX_BYTES}). The service decides
 * by the file's content; its refusal is shown in the dialog, which stays open for another file.
 */
class PlanUploadDialog extends Dialog {

    static final String UPLOAD_ID = "fault-map-plan-upload";
    static final String PROBLEM_ID = "fault-map-plan-problem";

    private final Span problem = new Span();

    PlanUploadDialog(FaultMapService faultMap, long floorId, String floorName, Runnable uploaded) {
        setHeaderTitle(getTranslation("faultmap.upload.title", floorName));
        Upload upload = new Upload(new LimitedUpload((metadata, content) ->
                store(faultMap, floorId, metadata.fileName(), content, uploaded)));
        upload.setId(UPLOAD_ID);
        upload.setMaxFiles(1);
        upload.setMaxFileSize(FloorPlanFiles.MAX_BYTES);
        upload.setAcceptedFileTypes("image/svg+xml", "image/png", ".svg", ".png");
        String tooBig = getTranslation("faultmap.error.plan.too.big", FloorPlanFiles.MAX_BYTES / (1024 * 1024));
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("faultmap.upload.choose")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("faultmap.upload.drop")))
                .setError(new UploadI18N.Error().setTooManyFiles(tooBig).setFileIsTooBig(tooBig)
                        .setIncorrectFileType(getTranslation("faultmap.error.plan.type"))));
        upload.addFileRejectedListener(event -> problem.setText(tooBig));
        problem.setId(PROBLEM_ID);
        problem.addClassName("fault-map-problem");
        add(new Paragraph(getTranslation("faultmap.upload.hint", FloorPlanFiles.MAX_BYTES / (1024 * 1024))), upload,
                problem);
        getFooter().add(new Button(getTranslation("action.close"), click -> close()));
    }

    /** Stores an uploaded file, or shows why it was refused. */
    void store(FaultMapService faultMap, long floorId, String fileName, byte[] content, Runnable uploaded) {
        try {
            faultMap.uploadPlan(floorId, content, fileName);
            Notifications.success("faultmap.upload.done");
            uploaded.run();
            close();
        } catch (DomainException e) {
            problem.setText(Notifications.message(e));
        }
    }

    String problem() {
        return problem.getText();
    }

    /** Refuses oversized files on the server too; the browser's limit is only a courtesy. */
    private static final class LimitedUpload extends InMemoryUploadHandler {
        LimitedUpload(InMemoryUploadCallback callback) {
            super(callback);
        }

        @Override
        public long getFileSizeMax() {
            return FloorPlanFiles.MAX_BYTES;
        }
    }
}
