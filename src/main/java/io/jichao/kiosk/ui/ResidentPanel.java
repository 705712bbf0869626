package io.jichao.kiosk.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.jichao.kiosk.ResidentOverview;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.EChart;

/**
 * The resident's own view: remaining energy, days left, 30 days of usage and recent recharges;
 * at the kiosk also the phone QR code and the sign-out button. Tiles wrap, so the same panel
 * fits a portrait and a landscape screen.
 */
class ResidentPanel extends Composite<VerticalLayout> {

    static final String ID = "kiosk-resident";
    static final String GREETING_ID = "kiosk-greeting";
    static final String REMAINING_ID = "kiosk-remaining";
    static final String DAYS_LEFT_ID = "kiosk-days-left";
    static final String CHART_ID = "kiosk-usage-chart";
    static final String RECHARGES_ID = "kiosk-recharges";
    static final String QR_ID = "kiosk-qr";
    static final String SIGN_OUT_ID = "kiosk-sign-out";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    /**
     * @param phoneUrl  the phone link to show as a QR code; null on the phone itself
     * @param onSignOut the kiosk's sign-out; null on the phone
     */
    ResidentPanel(ResidentOverview overview, String phoneUrl, long linkMinutes, Runnable onSignOut) {
        VerticalLayout layout = getContent();
        layout.setId(ID);
        layout.setPadding(false);
        layout.setWidthFull();
        H2 greeting = new H2(getTranslation("kiosk.resident.greeting", overview.room(), overview.householdName()));
        greeting.setId(GREETING_ID);
        greeting.getStyle().set("margin", "0");

        Div tiles = new Div(
                tile(REMAINING_ID, getTranslation("kiosk.remaining"),
                        overview.remaining().map(r -> getTranslation("kiosk.kwh", r.energy().value().toPlainString()))
                                .orElse(getTranslation("kiosk.remaining.none")),
                        overview.remaining().map(r -> getTranslation("kiosk.remaining.readAt", TIME.format(r.readAt())))
                                .orElse("")),
                tile(DAYS_LEFT_ID, getTranslation("kiosk.daysLeft"),
                        overview.daysLeft().map(days -> getTranslation("kiosk.days", days.toPlainString()))
                                .orElse(getTranslation("kiosk.daysLeft.none")),
                        getTranslation("kiosk.daysLeft.basis")));
        wrap(tiles);

        EChart chart = new EChart();
        chart.setId(CHART_ID);
        chart.setHeight("340px");
        chart.setOption(UsageChart.option(overview.usage(), getTranslation("kiosk.usage.series"),
                getTranslation("kiosk.usage.unit")));
        Div usage = card(new H3(getTranslation("kiosk.usage.title")), chart);
        usage.setWidthFull();

        Div recharges = card(new H3(getTranslation("kiosk.recharges.title")));
        recharges.setId(RECHARGES_ID);
        if (overview.recharges().isEmpty()) {
            recharges.add(line(getTranslation("kiosk.recharges.none")));
        }
        for (ResidentOverview.Recharge recharge : overview.recharges()) {
            recharges.add(line(getTranslation("kiosk.recharges.line", TIME.format(recharge.at()),
                    recharge.amount().yuan().toPlainString(), recharge.kwh().value().toPlainString(),
                    getTranslation("recharge.state." + recharge.state()))));
        }
        // Two columns side by side on a landscape screen, stacked on a portrait one (or a phone).
        Div left = column(tiles, usage);
        left.getStyle().set("flex", "2 1 48rem");
        Div right = column();
        right.getStyle().set("flex", "1 1 22rem");
        if (phoneUrl != null) {
            Image qr = new Image(QrCode.svgDataUrl(phoneUrl), getTranslation("kiosk.qr.alt"));
            qr.setId(QR_ID);
            qr.setWidth("14rem");
            qr.setHeight("14rem");
            Div phone = card(new H3(getTranslation("kiosk.qr.title")), qr, line(getTranslation("kiosk.qr.hint", linkMinutes)));
            phone.getStyle().set("text-align", "center");
            right.add(phone);
        }
        right.add(recharges);
        Div columns = new Div(left, right);
        wrap(columns);
        layout.add(greeting, columns);
        if (onSignOut != null) {
            Button signOut = new Button(getTranslation("kiosk.signOut"), click -> onSignOut.run());
            signOut.setId(SIGN_OUT_ID);
            signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Keypad.styleTouch(signOut);
            signOut.setWidthFull();
            layout.add(signOut);
        }
    }

    private static Div column(Component... content) {
        Div column = new Div(content);
        column.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "1rem")
                .set("min-width", "0");
        return column;
    }

    private static void wrap(Div row) {
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "1rem").set("width", "100%");
    }

    private Div tile(String id, String label, String value, String note) {
        Span title = new Span(label);
        title.getStyle().set("font-size", "1.5rem").set("color", "var(--lumo-secondary-text-color)");
        Span big = new Span(value);
        big.setId(id);
        big.getStyle().set("font-size", "3.2rem").set("font-weight", "700").set("display", "block");
        Div tile = card(title, big, line(note));
        tile.getStyle().set("flex", "1 1 20rem");
        return tile;
    }

    private static Div card(Component... content) {
        Div card = new Div(content);
        card.getStyle().set("background", "var(--lumo-contrast-5pct)").set("border-radius", "16px")
                .set("padding", "1rem 1.5rem").set("box-sizing", "border-box");
        return card;
    }

    private static Span line(String text) {
        Span line = new Span(text);
        line.getStyle().set("display", "block").set("font-size", "1.3rem").set("margin", "0.3em 0");
        return line;
    }
}
