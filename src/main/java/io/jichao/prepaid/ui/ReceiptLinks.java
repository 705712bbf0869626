package io.jichao.prepaid.ui;

import java.io.Serializable;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;

import io.jichao.prepaid.ReceiptService;

/**
 * "Print receipt" (the PDF opened in a new tab, printed from the browser's viewer) and "download
 * receipt" for one order. A download runs in its own request, so the links keep the order id and
 * language themselves instead of reading components.
 */
final class ReceiptLinks implements Serializable {

    static final String PRINT_ID = "recharge-receipt-print";
    static final String DOWNLOAD_ID = "recharge-receipt-download";

    private final transient ReceiptService receipts;
    private final Locale locale;
    private final Anchor print;
    private final Anchor download;
    private volatile Long orderId;

    ReceiptLinks(ReceiptService receipts) {
        this.receipts = receipts;
        this.locale = UI.getCurrent().getLocale();
        print = link(PRINT_ID, "recharge.receipt.print", VaadinIcon.PRINT, AttachmentType.INLINE);
        print.setTarget(AnchorTarget.BLANK);
        download = link(DOWNLOAD_ID, "recharge.receipt.download", VaadinIcon.DOWNLOAD, AttachmentType.DOWNLOAD);
        order(null);
    }

    Anchor print() {
        return print;
    }

    Anchor download() {
        return download;
    }

    void order(Long id) {
        orderId = id;
        print.setEnabled(id != null);
        download.setEnabled(id != null);
    }

    /** The receipt as the links serve it; for the view's tests and for the handler. */
    byte[] pdf() {
        Long id = orderId;
        return id == null ? new byte[0] : receipts.receiptPdf(id, locale);
    }

    private Anchor link(String id, String key, VaadinIcon icon, AttachmentType type) {
        DownloadHandler handler = event -> {
            Long order = orderId;
            event.setFileName("receipt-" + order + ".pdf");
            event.setContentType("application/pdf");
            event.getOutputStream().write(pdf());
        };
        Anchor anchor = new Anchor(handler, type, "");
        anchor.setId(id);
        anchor.add(new Button(UI.getCurrent().getTranslation(key), icon.create()));
        return anchor;
    }
}
