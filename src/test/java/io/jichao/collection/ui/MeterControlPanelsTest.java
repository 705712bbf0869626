package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.collection.control.RelayCommand;
import io.jichao.testing.KaribuTest;

/** Relay and overload controls on the meter page; the engine is off in the test context. */
class MeterControlPanelsTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void forgetTheSettings() {
        jdbc.update("delete from meter_overload_setting where requested_by = 'maint'");
    }

    private long firstMeterOf(String username) {
        login(username);
        return meters.page(MeterFilter.none().withProtocol(MeterProtocol.DLT645_2007), 0, 1,
                List.of(MeterSort.byAddress())).getFirst().id();
    }

    @Test
    void a_maintainer_trips_a_meter_and_is_told_the_engine_is_not_running() {
        long meterId = firstMeterOf("maint");
        navigateTo("meters/" + meterId + "/live");

        RelayPanel panel = _get(RelayPanel.class);
        List<Button> commands = Arrays.stream(RelayCommand.values())
                .map(c -> byId(Button.class, RelayPanel.buttonId(c))).toList();
        // A server-side click and no lookups until the asserts: Karibu's _click and _get run the UI
        // queue, where the pushed outcome waits.
        commands.get(RelayCommand.TRIP.ordinal()).click();
        assertThat(panel.sending().indicator().isVisible()).as("in progress until the outcome is pushed").isTrue();
        assertThat(commands).as("no second command while one runs").noneMatch(Button::isEnabled);
        panel.sending().current().orTimeout(10, TimeUnit.SECONDS).join();
        MockVaadin.clientRoundtrip(false);

        expectNotifications("The collection engine is not running in this process.");
        assertThat(jdbc.queryForObject("select count(*) from relay_command where meter_id = ?", Integer.class, meterId))
                .isZero();
    }

    @Test
    void a_maintainer_sets_the_overload_parameters_of_one_meter_and_sees_them_pending() {
        long meterId = firstMeterOf("maint");
        navigateTo("meters/" + meterId + "/live");
        assertThat(byId(Span.class, OverloadPanel.STATE_ID).getText()).isEqualTo("No overload parameters set yet.");

        _setValue(byId(BigDecimalField.class, OverloadPanel.MAX_ID), new BigDecimal("7.5"));
        _setValue(byId(BigDecimalField.class, OverloadPanel.SUDDEN_ID), new BigDecimal("3"));
        _click(byId(Button.class, OverloadPanel.SAVE_ID));

        expectNotifications("Overload parameters queued for 1 meter(s).");
        assertThat(byId(Span.class, OverloadPanel.STATE_ID).getText())
                .isEqualTo("Overload parameters pending: desired 7.5 / 3 kW, verified - / - kW, attempts 0");
    }

    @Test
    void a_recharge_clerk_sees_no_meter_controls() {
        long meterId = firstMeterOf("clerk");
        navigateTo("meters/" + meterId + "/live");

        _assertNone(RelayPanel.class);
        _assertNone(OverloadPanel.class);
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }
}
