package io.jichao.kiosk.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;

import io.jichao.kiosk.KioskDeviceService;
import io.jichao.kiosk.KioskProperties;
import io.jichao.kiosk.KioskSignIn;
import io.jichao.kiosk.KioskTerminal;
import io.jichao.kiosk.PhoneLinks;
import io.jichao.kiosk.Resident;
import io.jichao.kiosk.ResidentDataService;
import io.jichao.kiosk.ResidentOverview;
import io.jichao.kiosk.SignInResult;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.Languages;

/**
 * The kiosk of a building (R13): full screen, no operator shell, touch only. Opens only with the
 * device cookie of a registered kiosk; a resident signs in with room number and PIN on the keypad
 * and sees the own data; after {@code idle-timeout} without a touch (checked on the UI's poll) it
 * returns to the start screen in Chinese. The resident lives in this view only, never in the
 * security context, so the session holds no operator authorities.
 */
@Route(value = "kiosk", autoLayout = false)
@AnonymousAllowed
public class KioskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String REFUSED_ID = "kiosk-refused";
    public static final String BUILDING_ID = "kiosk-building";
    public static final String PROMPT_ID = "kiosk-prompt";
    public static final String NEXT_ID = "kiosk-next";
    public static final String SIGN_IN_ID = "kiosk-sign-in";
    public static final String BACK_ID = "kiosk-back";
    public static final String MESSAGE_ID = "kiosk-message";
    public static final String LANGUAGE_ZH_ID = "kiosk-lang-zh";
    public static final String LANGUAGE_EN_ID = "kiosk-lang-en";
    static final int POLL_MILLIS = 5_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    enum Screen { REFUSED, ROOM, PIN, RESIDENT }

    private final transient KioskDeviceService devices;
    private final transient KioskSignIn signIn;
    private final transient ResidentDataService data;
    private final transient PhoneLinks links;
    private final transient KioskProperties properties;
    private transient Clock clock;
    private final Div body = new Div();
    private final Span building = new Span();
    private final Span message = new Span();
    private KioskTerminal terminal;
    private Resident resident;
    private Screen screen = Screen.REFUSED;
    private String room;
    private Keypad keypad;
    private Instant lastTouch;
    private Registration polling;

    public KioskView(KioskDeviceService devices, KioskSignIn signIn, ResidentDataService data, PhoneLinks links,
                     KioskProperties properties, Clock clock) {
        this.devices = devices;
        this.signIn = signIn;
        this.data = data;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
        setSizeFull();
        setPadding(true);
        getStyle().set("min-height", "100vh").set("box-sizing", "border-box").set("font-size", "1.4rem")
                .set("user-select", "none");
        building.setId(BUILDING_ID);
        building.getStyle().set("font-size", "2rem").set("font-weight", "600");
        message.setId(MESSAGE_ID);
        message.getStyle().set("font-size", "1.8rem").set("color", "var(--lumo-error-text-color)")
                .set("min-height", "1.2em").set("text-align", "center");
        body.setWidthFull();
        body.getStyle().set("flex", "1 1 auto").set("display", "flex").set("flex-direction", "column")
                .set("align-items", "center").set("gap", "1.5rem");
        Button chinese = languageButton("简体中文", LANGUAGE_ZH_ID, Languages.CHINESE);
        Button english = languageButton("English", LANGUAGE_EN_ID, Languages.ENGLISH);
        HorizontalLayout header = new HorizontalLayout(building, chinese, english);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(building);
        add(header, message, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        terminal = KioskRequests.deviceToken().flatMap(devices::identify).orElse(null);
        if (terminal == null) {
            refuse();
        } else {
            showRoom();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("kiosk.title");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(POLL_MILLIS);
        polling = event.getUI().addPollListener(poll -> checkIdle());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }

    /** Back to the start screen (and Chinese) once nobody has touched the kiosk for the idle timeout. */
    void checkIdle() {
        boolean idleMatters = screen == Screen.PIN || screen == Screen.RESIDENT
                || (screen == Screen.ROOM && (!keypad.value().isEmpty() || !message.getText().isEmpty()));
        if (idleMatters && !Duration.between(lastTouch, clock.instant()).minus(properties.idleTimeout()).isNegative()) {
            switchLanguage(Languages.CHINESE);
            showRoom();
        }
    }

    /** Tests move time forward through their own clock. */
    void useClock(Clock testClock) {
        this.clock = testClock;
        touch();
    }

    Screen screen() {
        return screen;
    }

    private void showRoom() {
        resident = null;
        room = null;
        screen = Screen.ROOM;
        building.setText(getTranslation("kiosk.building", terminal.buildingCode(), terminal.buildingName()));
        message.setText("");
        keypad = new Keypad(false, 8, terminal.buildingCode() + "…", this::touch);
        Button next = actionButton(getTranslation("kiosk.next"), NEXT_ID, true, this::roomEntered);
        show(prompt(getTranslation("kiosk.prompt.room")), keypad, next);
    }

    private void roomEntered() {
        if (keypad.value().isEmpty()) {
            return;
        }
        room = keypad.value();
        message.setText("");
        showPin();
    }

    private void showPin() {
        screen = Screen.PIN;
        keypad = new Keypad(true, 8, "••••", this::touch);
        Button back = actionButton(getTranslation("kiosk.back"), BACK_ID, false, this::showRoom);
        Button enter = actionButton(getTranslation("kiosk.signIn"), SIGN_IN_ID, true, this::signIn);
        HorizontalLayout actions = new HorizontalLayout(back, enter);
        show(prompt(getTranslation("kiosk.prompt.pin", room)), keypad, actions);
    }

    private void signIn() {
        SignInResult result = signIn.signIn(terminal.deviceId(), room, keypad.value());
        switch (result) {
            case SignInResult.SignedIn(Resident signedIn) -> showResident(signedIn);
            case SignInResult.WrongPin() -> {
                showPin();
                message.setText(getTranslation("kiosk.error.wrongPin"));
            }
            case SignInResult.HouseholdLocked(Instant until) -> {
                showRoom();
                message.setText(getTranslation("kiosk.error.householdLocked", TIME.format(until)));
            }
            case SignInResult.KioskLocked(Instant until) -> {
                showRoom();
                message.setText(getTranslation("kiosk.error.kioskLocked", TIME.format(until)));
            }
            case SignInResult.KioskRevoked() -> refuse();
        }
    }

    private void showResident(Resident signedIn) {
        ResidentOverview overview;
        try {
            overview = data.overview(signedIn);
        } catch (DomainException refused) {
            refuse();
            return;
        }
        resident = signedIn;
        screen = Screen.RESIDENT;
        message.setText("");
        show(new ResidentPanel(overview, KioskRequests.phoneUrl(properties.publicUrl(), links.issue(signedIn)), properties.phoneLinkValidity().toMinutes(),
                this::signOut));
    }

    private void signOut() {
        switchLanguage(Languages.CHINESE);
        showRoom();
    }

    private void refuse() {
        terminal = null;
        resident = null;
        screen = Screen.REFUSED;
        building.setText("");
        message.setText("");
        Span text = new Span(getTranslation("kiosk.refused"));
        text.setId(REFUSED_ID);
        text.getStyle().set("font-size", "2rem").set("text-align", "center").set("margin-top", "20vh");
        body.removeAll();
        body.add(text);
    }

    private void show(Component... content) {
        touch();
        body.removeAll();
        body.add(content);
    }

    private void touch() {
        lastTouch = clock.instant();
    }

    private H1 prompt(String text) {
        H1 prompt = new H1(text);
        prompt.setId(PROMPT_ID);
        prompt.getStyle().set("font-size", "2.6rem").set("margin", "0.5em 0 0");
        return prompt;
    }

    private Button actionButton(String label, String id, boolean primary, Runnable action) {
        Button button = new Button(label, click -> {
            touch();
            action.run();
        });
        button.setId(id);
        if (primary) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        Keypad.styleTouch(button);
        button.setWidth("24.5rem");
        return button;
    }

    private Button languageButton(String label, String id, Locale locale) {
        Button button = new Button(label, click -> {
            touch();
            switchLanguage(locale);
            rerender();
        });
        button.setId(id);
        Keypad.styleTouch(button);
        return button;
    }

    private void switchLanguage(Locale locale) {
        VaadinSession.getCurrent().setAttribute(Locale.class, locale);
        UI.getCurrent().setLocale(locale);
    }

    /** The texts of the current screen again in the new language; typed digits are dropped on purpose. */
    private void rerender() {
        switch (screen) {
            case REFUSED -> refuse();
            case ROOM -> showRoom();
            case PIN -> showPin();
            case RESIDENT -> showResident(resident);
        }
    }
}
