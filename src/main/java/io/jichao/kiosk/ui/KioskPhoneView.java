package io.jichao.kiosk.ui;

import java.time.Duration;
import java.time.Clock;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import io.jichao.kiosk.PhoneLinks;
import io.jichao.kiosk.Resident;
import io.jichao.kiosk.ResidentDataService;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;

/**
 * The resident's view on a phone, opened by the kiosk's QR code: the same data, read-only, until
 * the signed link expires; an expired, forged or revoked link opens nothing.
 */
@Route(value = PhoneLinks.PATH + ":token", autoLayout = false)
@AnonymousAllowed
public class KioskPhoneView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String VALID_UNTIL_ID = "kiosk-phone-valid-until";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient PhoneLinks links;
    private final transient ResidentDataService data;
    private final transient Clock clock;

    public KioskPhoneView(PhoneLinks links, ResidentDataService data, Clock clock) {
        this.links = links;
        this.data = data;
        this.clock = clock;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Resident resident = links.open(event.getRouteParameters().get("token").orElse("")).orElse(null);
        if (resident == null) {
            refuse();
            return;
        }
        try {
            Span validUntil = new Span(getTranslation("kiosk.phone.validUntil", TIME.format(resident.validUntil())));
            validUntil.setId(VALID_UNTIL_ID);
            add(new ResidentPanel(data.overview(resident), null, 0, null), validUntil);
            // The page stops showing data when the link expires, even if left open.
            long millis = Duration.between(clock.instant(), resident.validUntil()).toMillis();
            if (millis > 0 && millis < Integer.MAX_VALUE) {
                getElement().executeJs("setTimeout(() => location.reload(), $0)", millis + 1000);
            }
        } catch (DomainException refused) {
            removeAll();
            refuse();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("kiosk.title");
    }

    private void refuse() {
        Span text = new Span(getTranslation("kiosk.phone.expired"));
        text.setId(KioskView.REFUSED_ID);
        text.getStyle().set("font-size", "1.5rem");
        add(text);
    }
}
