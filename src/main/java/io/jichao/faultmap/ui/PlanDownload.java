package io.jichao.faultmap.ui;

import com.vaadin.flow.server.streams.DownloadHandler;

import io.jichao.faultmap.FaultMapService;
import io.jichao.faultmap.PlanFormat;

/**
 * Serves a floor's stored plan to its {@code <img>}. The request runs outside the UI lock but as
 * the logged-in operator, so the service checks the district again.
 */
final class PlanDownload {

    private PlanDownload() {
    }

    static DownloadHandler of(FaultMapService faultMap, long floorId, PlanFormat format) {
        return event -> {
            byte[] content = faultMap.planContent(floorId);
            // An SVG opened on its own is a document: no scripts, inline styles and embedded images only.
            event.getResponse().setHeader("Content-Security-Policy",
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
            event.getResponse().setHeader("X-Content-Type-Options", "nosniff");
            event.setContentType(format.mimeType());
            event.setContentLength(content.length);
            event.getOutputStream().write(content);
        };
    }
}
