package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.collection.control.HeldMeter;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

/** The friendly hours page: edited by the super admin, read-only for a maintainer, with the held meters. */
class GentleCutoffViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterService meters;
    @Autowired
    private Clock clock;

    @AfterEach
    void restoreTheDefaults() {
        jdbc.update("update friendly_hours set windows = '08:00-17:00', weekends_allowed = false where id = 1");
        jdbc.update("delete from friendly_holiday");
        jdbc.update("delete from relay_hold");
    }

    @Test
    void the_super_admin_changes_the_friendly_hours_and_adds_a_holiday() {
        login("super");
        navigateTo("collection/gentle-cutoff");
        assertThat(byId(TextField.class, GentleCutoffView.WINDOWS_ID).getValue()).isEqualTo("08:00-17:00");

        _setValue(byId(TextField.class, GentleCutoffView.WINDOWS_ID), "09:00-12:00, 14:00-16:00");
        _setValue(byId(Checkbox.class, GentleCutoffView.WEEKENDS_ID), true);
        _setValue(byId(DatePicker.class, GentleCutoffView.HOLIDAY_ID), LocalDate.of(2027, 2, 6));
        _click(byId(Button.class, GentleCutoffView.HOLIDAY_ADD_ID));
        _click(byId(Button.class, GentleCutoffView.SAVE_ID));

        expectNotifications("Friendly hours saved.");
        assertThat(jdbc.queryForObject("select windows from friendly_hours where id = 1", String.class))
                .isEqualTo("09:00-12:00, 14:00-16:00");
        assertThat(jdbc.queryForObject("select weekends_allowed from friendly_hours where id = 1", Boolean.class))
                .isTrue();
        assertThat(jdbc.queryForList("select day from friendly_holiday", java.sql.Date.class))
                .extracting(java.sql.Date::toLocalDate).containsExactly(LocalDate.of(2027, 2, 6));
    }

    @Test
    void malformed_hours_are_refused_and_nothing_is_saved() {
        login("super");
        navigateTo("collection/gentle-cutoff");

        _setValue(byId(TextField.class, GentleCutoffView.WINDOWS_ID), "17:00-08:00");
        _click(byId(Button.class, GentleCutoffView.SAVE_ID));

        expectNotifications("Friendly hours must be windows such as 08:00-17:00, separated by commas.");
        assertThat(jdbc.queryForObject("select windows from friendly_hours where id = 1", String.class))
                .isEqualTo("08:00-17:00");
    }

    @Test
    void a_maintainer_sees_the_hours_read_only_and_the_held_meters_of_the_district_with_why() {
        login("maint");
        long meterId = meters.page(MeterFilter.none(), 0, 1, List.of(MeterSort.byAddress())).getFirst().id();
        jdbc.update("insert into relay_hold (meter_id, held_at, remaining_kwh, threshold_kwh, why) values (?, ?, ?, ?, ?)",
                meterId, Timestamp.from(clock.instant()), new BigDecimal("1.20"), new BigDecimal("5.00"), "WEEKEND");
        navigateTo("collection/gentle-cutoff");

        assertThat(byId(TextField.class, GentleCutoffView.WINDOWS_ID).isReadOnly()).isTrue();
        assertThat(byId(Button.class, GentleCutoffView.SAVE_ID).isEnabled()).isFalse();
        assertThat(byId(Span.class, GentleCutoffView.NOW_ID).getText()).startsWith("Now:");
        @SuppressWarnings("unchecked")
        Grid<HeldMeter> holds = byId(Grid.class, GentleCutoffView.HOLDS_ID);
        assertThat(GridKt._findAll(holds)).singleElement().satisfies(held -> {
            assertThat(held.meterId()).isEqualTo(meterId);
            assertThat(GridKt._getFormattedRow(holds, 0)).contains("remaining 1.2 kWh at or below 5 kWh, weekend");
        });
        LoginSupport.logout();
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }
}
