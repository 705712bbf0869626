package io.jichao.kiosk.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.kiosk.IssuedKiosk;
import io.jichao.kiosk.KioskDeviceService;
import io.jichao.kiosk.KioskFixtures;
import io.jichao.kiosk.KioskFixtures.TestHousehold;
import io.jichao.kiosk.KioskProperties;
import io.jichao.kiosk.ResidentPinService;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.ui.EChart;
import io.jichao.testing.KaribuTest;

class KioskViewTest extends KaribuTest {

    private static final String PIN = "482910";

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private KioskDeviceService devices;
    @Autowired
    private ResidentPinService pins;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private KioskProperties properties;
    @Autowired
    private Clock clock;

    private KioskFixtures fixtures;
    private IssuedKiosk kiosk;

    @BeforeEach
    void registerKiosk() {
        fixtures = new KioskFixtures(meters, structure, devices, pins, users, jdbc);
        kiosk = fixtures.registerKiosk("A");
    }

    private void openKiosk(String token) {
        if (token != null) {
            ((FakeRequest) VaadinServletRequest.getCurrent().getRequest())
                    .addCookie(new Cookie(KioskDeviceService.COOKIE, token));
        }
        navigateTo("kiosk");
    }

    private static void press(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    private static void type(String digits) {
        for (char digit : digits.toCharArray()) {
            press(Keypad.KEY_ID_PREFIX + digit);
        }
    }

    private static void signIn(TestHousehold household, String pin) {
        type(household.typedRoom());
        press(KioskView.NEXT_ID);
        type(pin);
        press(KioskView.SIGN_IN_ID);
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    private static KioskView view() {
        return _get(KioskView.class);
    }

    @Test
    void a_browser_without_the_device_cookie_gets_no_kiosk() {
        openKiosk(null);

        assertThat(text(KioskView.REFUSED_ID)).isEqualTo("This device is not a registered kiosk. Please ask the property office.");
        _assertNone(Button.class, spec -> spec.withId(Keypad.KEY_ID_PREFIX + "1"));
    }

    @Test
    void a_forged_or_revoked_device_token_gets_no_kiosk() {
        openKiosk("x".repeat(43));
        assertThat(view().screen()).isEqualTo(KioskView.Screen.REFUSED);

        fixtures.revoke(kiosk.deviceId());
        openKiosk(kiosk.token());
        assertThat(view().screen()).isEqualTo(KioskView.Screen.REFUSED);
        _assertNone(Button.class, spec -> spec.withId(Keypad.KEY_ID_PREFIX + "1"));
    }

    @Test
    void a_resident_signs_in_with_room_and_pin_and_sees_the_own_data() {
        TestHousehold household = fixtures.household("A", PIN);
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        // 7 full days before today: 3 kWh a day, one day missing (not counted as zero).
        fixtures.dailyClosings(household.meterId(), today.minusDays(8),
                "100.00", "103.00", "106.00", null, "112.00", "115.00", "118.00", "121.00");
        fixtures.remaining(household.meterId(), "45.50", clock.instant().minusSeconds(600));
        fixtures.recharge(household, "20.00", "40.00", "CONFIRMED", Instant.parse("2026-01-05T02:00:00Z"));
        fixtures.recharge(household, "50.00", "100.00", "SENT", Instant.parse("2026-01-09T02:00:00Z"));
        openKiosk(kiosk.token());
        assertThat(_get(Span.class, spec -> spec.withId(KioskView.BUILDING_ID)).getText()).startsWith("A ");

        signIn(household, PIN);

        assertThat(view().screen()).isEqualTo(KioskView.Screen.RESIDENT);
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId(ResidentPanel.GREETING_ID))
                .getText()).isEqualTo("Room " + household.room() + " · " + household.name());
        assertThat(text(ResidentPanel.REMAINING_ID)).isEqualTo("45.50 kWh");
        // 45.50 / 3.00 a day (days with data among the last 7) = 15 whole days.
        assertThat(text(ResidentPanel.DAYS_LEFT_ID)).isEqualTo("about 15 days");
        String chart = _get(EChart.class, spec -> spec.withId(ResidentPanel.CHART_ID)).getOption();
        assertThat(chart).contains("\"data\":[null,").contains("3.00,3.00,null,null,3.00,3.00,3.00]");
        assertThat(_get(Div.class, spec -> spec.withId(ResidentPanel.RECHARGES_ID)).getElement().getTextRecursively())
                .contains("2026-01-09 10:00  50.00 yuan  100.00 kWh  Sent to the meter")
                .containsSubsequence("2026-01-09", "2026-01-05 10:00  20.00 yuan  40.00 kWh  Confirmed");
        assertThat(_get(Image.class, spec -> spec.withId(ResidentPanel.QR_ID)).getSrc())
                .startsWith("data:image/svg+xml;base64,");
    }

    @Test
    void a_wrong_pin_is_refused_and_the_resident_may_try_again() {
        TestHousehold household = fixtures.household("A", PIN);
        openKiosk(kiosk.token());

        signIn(household, "000000");

        assertThat(view().screen()).isEqualTo(KioskView.Screen.PIN);
        assertThat(text(KioskView.MESSAGE_ID)).isEqualTo("Room number or PIN is wrong.");
        type(PIN);
        press(KioskView.SIGN_IN_ID);
        assertThat(view().screen()).isEqualTo(KioskView.Screen.RESIDENT);
    }

    @Test
    void an_unknown_room_reads_like_a_wrong_pin() {
        openKiosk(kiosk.token());

        type("999999");
        press(KioskView.NEXT_ID);
        type(PIN);
        press(KioskView.SIGN_IN_ID);

        assertThat(text(KioskView.MESSAGE_ID)).isEqualTo("Room number or PIN is wrong.");
    }

    @Test
    void repeated_wrong_pins_lock_the_room_even_for_the_right_pin_until_a_clerk_resets_it() {
        TestHousehold household = fixtures.household("A", PIN);
        openKiosk(kiosk.token());
        for (int i = 1; i < properties.maxFailedPins(); i++) {
            signIn(household, "111111");
            press(KioskView.BACK_ID);
        }

        signIn(household, "111111");
        assertThat(view().screen()).isEqualTo(KioskView.Screen.ROOM);
        assertThat(text(KioskView.MESSAGE_ID)).startsWith("Too many wrong PINs: this room is locked until ");

        signIn(household, PIN);
        assertThat(view().screen()).isEqualTo(KioskView.Screen.ROOM);
        assertThat(text(KioskView.MESSAGE_ID)).startsWith("Too many wrong PINs: this room is locked until ");

        login("clerk");
        pins.setPin(household.meterId(), "135790");
        io.jichao.testing.LoginSupport.logout();
        signIn(household, "135790");
        assertThat(view().screen()).isEqualTo(KioskView.Screen.RESIDENT);
    }

    @Test
    void inactivity_returns_to_the_start_screen_and_forgets_the_resident() {
        TestHousehold household = fixtures.household("A", PIN);
        openKiosk(kiosk.token());
        signIn(household, PIN);
        MovableClock time = new MovableClock(clock);
        view().useClock(time);

        time.advance(properties.idleTimeout().minusSeconds(1));
        view().checkIdle();
        assertThat(view().screen()).isEqualTo(KioskView.Screen.RESIDENT);

        time.advance(Duration.ofSeconds(1));
        view().checkIdle();
        assertThat(view().screen()).isEqualTo(KioskView.Screen.ROOM);
        _assertNone(Span.class, spec -> spec.withId(ResidentPanel.REMAINING_ID));
    }

    @Test
    void half_typed_pins_are_dropped_after_inactivity_too() {
        TestHousehold household = fixtures.household("A", PIN);
        openKiosk(kiosk.token());
        MovableClock time = new MovableClock(clock);
        view().useClock(time);
        type(household.typedRoom());
        press(KioskView.NEXT_ID);
        type("12");

        time.advance(properties.idleTimeout());
        view().checkIdle();

        assertThat(view().screen()).isEqualTo(KioskView.Screen.ROOM);
        assertThat(text(Keypad.DISPLAY_ID)).isEqualTo("A…");
    }

    @Test
    void the_language_switch_changes_the_texts_at_once() {
        openKiosk(kiosk.token());
        assertThat(_get(H1.class, spec -> spec.withId(KioskView.PROMPT_ID)).getText()).isEqualTo("Enter your room number");

        press(KioskView.LANGUAGE_ZH_ID);
        assertThat(_get(H1.class, spec -> spec.withId(KioskView.PROMPT_ID)).getText()).isEqualTo("请输入房间号");

        press(KioskView.LANGUAGE_EN_ID);
        assertThat(_get(H1.class, spec -> spec.withId(KioskView.PROMPT_ID)).getText()).isEqualTo("Enter your room number");
    }
}
