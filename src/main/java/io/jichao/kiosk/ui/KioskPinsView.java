package io.jichao.kiosk.ui;

import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.kiosk.PinStatus;
import io.jichao.kiosk.ResidentPinService;
import io.jichao.prepaid.ui.HouseholdSearch;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.HasPageTitleKey;
import io.jichao.shared.ui.Notifications;

/** Clerks set, reset or clear a household's kiosk PIN (which also lifts a lock-out). */
@Route("kiosk-pins")
@RolesAllowed({Role.SUPER_ADMIN_NAME, Role.RECHARGE_CLERK_NAME})
public class KioskPinsView extends VerticalLayout implements HasPageTitleKey, HasDynamicTitle {

    public static final String STATUS_ID = "kiosk-pins-status";
    public static final String PIN_ID = "kiosk-pins-pin";
    public static final String SET_ID = "kiosk-pins-set";
    public static final String CLEAR_ID = "kiosk-pins-clear";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    private final transient ResidentPinService pins;
    private final Span status = new Span();
    private final PasswordField pin = new PasswordField(getTranslation("kioskPins.pin"));
    private final Button set = new Button(getTranslation("kioskPins.set"));
    private final Button clear = new Button(getTranslation("kioskPins.clear"));
    private MeterRow meter;

    public KioskPinsView(MeterService meters, ResidentPinService pins) {
        this.pins = pins;
        HouseholdSearch search = new HouseholdSearch(meters);
        search.addPickedListener(event -> pick(event.meter()));
        status.setId(STATUS_ID);
        pin.setId(PIN_ID);
        pin.setAllowedCharPattern("[0-9]");
        pin.setMaxLength(8);
        pin.setHelperText(getTranslation("kioskPins.pin.help"));
        set.setId(SET_ID);
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        set.addClickListener(click -> apply(() -> pins.setPin(meter.id(), pin.getValue()), "kioskPins.saved"));
        clear.setId(CLEAR_ID);
        clear.addThemeVariants(ButtonVariant.LUMO_ERROR);
        clear.addClickListener(click -> apply(() -> pins.clearPin(meter.id()), "kioskPins.cleared"));
        HorizontalLayout form = new HorizontalLayout(pin, set, clear);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph(getTranslation("kioskPins.help")), search, status, form);
        enableForm(false);
    }

    @Override
    public String pageTitleKey() {
        return "nav.kioskPins";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(pageTitleKey());
    }

    private void pick(MeterRow picked) {
        meter = picked;
        try {
            show(pins.status(picked.id()));
            enableForm(true);
        } catch (DomainException refused) {
            Notifications.error(refused);
            enableForm(false);
        }
    }

    private void apply(java.util.function.Supplier<PinStatus> change, String doneKey) {
        try {
            show(change.get());
            pin.clear();
            Notifications.success(doneKey);
        } catch (DomainException refused) {
            Notifications.error(refused);
        }
    }

    private void show(PinStatus pinStatus) {
        String state = pinStatus.pinSet() ? getTranslation("kioskPins.state.set") : getTranslation("kioskPins.state.none");
        if (pinStatus.lockedUntil() != null) {
            state += " · " + getTranslation("kioskPins.state.locked", TIME.format(pinStatus.lockedUntil()));
        }
        status.setText(getTranslation("kioskPins.status", pinStatus.room(), pinStatus.householdName(), state));
    }

    private void enableForm(boolean enabled) {
        pin.setEnabled(enabled);
        set.setEnabled(enabled);
        clear.setEnabled(enabled);
    }
}
