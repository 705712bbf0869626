package io.jichao.kiosk.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.kiosk.KioskDeviceRow;
import io.jichao.kiosk.KioskDeviceService;
import io.jichao.kiosk.KioskFixtures;
import io.jichao.kiosk.KioskFixtures.TestHousehold;
import io.jichao.kiosk.ResidentPinService;
import io.jichao.prepaid.ui.HouseholdSearch;
import io.jichao.testing.KaribuTest;

class KioskAdminViewsTest extends KaribuTest {

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
    private AuditTrail audit;

    private KioskFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new KioskFixtures(meters, structure, devices, pins, users, jdbc);
    }

    private static void press(String id) {
        _click(_get(Button.class, spec -> spec.withId(id)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_admin_registers_a_kiosk_sees_its_address_once_and_revokes_it() {
        login("super");
        navigateTo("kiosks");
        Select<BuildingView> building = _get(Select.class, spec -> spec.withId(KioskDevicesView.BUILDING_ID));
        _setValue(building, building.getListDataView().getItems().filter(b -> b.code().equals("C")).findFirst().orElseThrow());
        String name = "Lobby " + Instant.now().toEpochMilli();
        _setValue(_get(TextField.class, spec -> spec.withId(KioskDevicesView.NAME_ID)), name);

        press(KioskDevicesView.REGISTER_ID);

        String address = _get(Span.class, spec -> spec.withId(KioskDevicesView.ISSUED_URL_ID)).getText();
        assertThat(address).matches("http://.*/kiosk\\?device=[A-Za-z0-9_-]{43}");
        String token = address.substring(address.indexOf("device=") + 7);
        assertThat(devices.identify(token)).map(kiosk -> kiosk.name()).contains(name);
        Grid<KioskDeviceRow> grid = _get(Grid.class, spec -> spec.withId(KioskDevicesView.GRID_ID));
        KioskDeviceRow row = GridKt._fetch(grid, 0, GridKt._size(grid)).stream()
                .filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kiosk_device WHERE token_hash LIKE ?", Integer.class,
                "%" + token + "%")).as("the token itself is never stored").isZero();

        grid.select(row);
        press(KioskDevicesView.REVOKE_ID);

        assertThat(devices.identify(token)).isEmpty();
        assertThat(audit.byAction("KIOSK_REVOKE")).anyMatch(event -> event.getDetails().equals("kiosk " + row.id()));
    }

    @Test
    void a_clerk_cannot_open_the_kiosk_registration() {
        login("clerk");
        Throwable refusal = catchThrowable(() -> navigateTo("kiosks"));
        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(KioskDevicesView.class)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_clerk_sets_a_pin_for_a_household_of_the_district_and_it_is_audited() {
        TestHousehold household = fixtures.household("A", null);
        login("clerk");
        navigateTo("kiosk-pins");
        _setValue(_get(TextField.class, spec -> spec.withId(HouseholdSearch.TEXT_ID)), household.room());
        Grid<MeterRow> hits = _get(Grid.class, spec -> spec.withId(HouseholdSearch.GRID_ID));
        hits.select(GridKt._get(hits, 0));
        assertThat(_get(Span.class, spec -> spec.withId(KioskPinsView.STATUS_ID)).getText()).endsWith(": No PIN");

        _setValue(_get(PasswordField.class, spec -> spec.withId(KioskPinsView.PIN_ID)), "12");
        press(KioskPinsView.SET_ID);
        assertThat(_get(Span.class, spec -> spec.withId(KioskPinsView.STATUS_ID)).getText()).endsWith(": No PIN");

        _setValue(_get(PasswordField.class, spec -> spec.withId(KioskPinsView.PIN_ID)), "5566");
        press(KioskPinsView.SET_ID);

        assertThat(_get(Span.class, spec -> spec.withId(KioskPinsView.STATUS_ID)).getText()).endsWith(": PIN set");
        String hash = jdbc.queryForObject("SELECT kiosk_pin_hash FROM household WHERE id = ?", String.class,
                household.householdId());
        assertThat(hash).startsWith("$2").doesNotContain("5566");
        assertThat(audit.byAction("KIOSK_PIN_SET"))
                .anyMatch(event -> event.getTarget().equals("household " + household.householdId())
                        && event.getOperatorUsername().equals("clerk") && !event.getDetails().contains("5566"));
    }

    @Test
    void a_clerk_cannot_set_the_pin_of_a_household_outside_the_district() {
        TestHousehold elsewhere = fixtures.household("C", null);
        login("clerk");

        Throwable refusal = catchThrowable(() -> pins.setPin(elsewhere.meterId(), "5566"));

        assertThat(refusal).isInstanceOf(io.jichao.shared.DomainException.class);
        assertThat(jdbc.queryForObject("SELECT kiosk_pin_hash FROM household WHERE id = ?", String.class,
                elsewhere.householdId())).isNull();
    }
}
