package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterName;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.archive.ui.MeterGridView;
import io.jichao.collection.ItemValue;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.ReadingItem;
import io.jichao.shared.ui.EChart;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

/** The live view of one meter; the engine is off in the test context, so "read now" says so. */
class MeterLiveViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private MeterReadEvents readEvents;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    /** Values no demo reading has, so the chart's JSON shows where they went. */
    private static final String STORED_VOLTAGE = "229.7300";
    private static final String PUSHED_VOLTAGE = "218.4400";
    private static final String STORED_ENERGY = "35594.6300";

    private long firstMeterOf(String username) {
        login(username);
        return meters.page(MeterFilter.none(), 0, 1, List.of(MeterSort.byAddress())).getFirst().id();
    }

    private long secondMeterOfTheDistrict() {
        return meters.page(MeterFilter.none(), 1, 1, List.of(MeterSort.byAddress())).getFirst().id();
    }

    @AfterEach
    void removeTheReadingsOfTheTest() {
        jdbc.update("delete from reading where value in (?, ?, ?)", new BigDecimal(STORED_VOLTAGE),
                new BigDecimal(PUSHED_VOLTAGE), new BigDecimal(STORED_ENERGY));
    }

    private String liveOption() {
        return _get(EChart.class, spec -> spec.withId(MeterLiveView.LIVE_CHART_ID)).getOption();
    }

    /** A read result arriving the way the cycle delivers it: on a virtual thread of its own. */
    private void publishFromAReadingThread(long meterId, String voltage) throws InterruptedException {
        MeterReadResult result = new MeterReadResult(meterId, clock.instant(), List.of(
                new ItemValue(ReadingItem.VOLTAGE_A, new BigDecimal(voltage), null),
                new ItemValue(ReadingItem.ACTIVE_POWER, new BigDecimal("1.2500"), null)), Optional.empty());
        Thread.ofVirtual().start(() -> readEvents.publish(result)).join();
        MockVaadin.clientRoundtrip(false);
    }

    @Test
    void stored_values_are_shown_with_the_items_own_decimals_as_read_now_shows_them() {
        long meterId = firstMeterOf("clerk");
        Instant readAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        jdbc.update("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, 'ACTIVE_ENERGY', ?, null, ?, 'CYCLE')",
                meterId, new BigDecimal(STORED_ENERGY), Timestamp.from(readAt));

        navigateTo("meters/" + meterId + "/live");

        @SuppressWarnings("unchecked")
        Grid<MeterLiveView.Row> values = _get(Grid.class, spec -> spec.withId(MeterLiveView.VALUES_ID));
        assertThat(GridKt._findAll(values)).extracting(MeterLiveView.Row::value)
                .contains("35594.63").doesNotContain(STORED_ENERGY);
    }

    @Test
    void the_live_curves_open_with_the_stored_voltage_current_and_power_of_the_last_hours() {
        long meterId = firstMeterOf("clerk");
        Instant readAt = clock.instant().minus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        for (var item : List.of(List.of("VOLTAGE_A", STORED_VOLTAGE), List.of("CURRENT_A", "3.1000"),
                List.of("ACTIVE_POWER", "0.7100"))) {
            jdbc.update("insert into reading (meter_id, item, value, meter_time, read_at, source) values (?, ?, ?, null, ?, 'CYCLE')",
                    meterId, item.get(0), new BigDecimal(item.get(1)), Timestamp.from(readAt));
        }

        navigateTo("meters/" + meterId + "/live");

        String option = liveOption();
        assertThat(option).contains("[\"" + LiveCurvesChart.TIME.format(readAt) + "\"," + STORED_VOLTAGE + "]",
                "Voltage phase A (V)", "Current phase A (A)", "Active power (kW)", "\"time\"");
        assertThat(option).as("a meter without B and C phase values gets no empty lines")
                .doesNotContain("Voltage phase B");
    }

    @Test
    void a_new_reading_of_the_meter_is_pushed_to_the_open_chart() throws InterruptedException {
        long meterId = firstMeterOf("clerk");
        navigateTo("meters/" + meterId + "/live");
        assertThat(liveOption()).doesNotContain(PUSHED_VOLTAGE);

        publishFromAReadingThread(meterId, PUSHED_VOLTAGE);

        assertThat(liveOption()).contains(PUSHED_VOLTAGE);
    }

    @Test
    void a_reading_of_another_meter_does_not_reach_the_chart() throws InterruptedException {
        long meterId = firstMeterOf("clerk");
        long otherMeter = secondMeterOfTheDistrict();
        navigateTo("meters/" + meterId + "/live");

        publishFromAReadingThread(otherMeter, PUSHED_VOLTAGE);

        assertThat(liveOption()).doesNotContain(PUSHED_VOLTAGE);
    }

    @Test
    void leaving_the_page_stops_listening_to_the_meter() {
        long meterId = firstMeterOf("clerk");
        navigateTo("meters/" + meterId + "/live");
        assertThat(readEvents.subscribers(meterId)).isEqualTo(1);

        navigateTo("meters");

        assertThat(readEvents.subscribers(meterId)).isZero();
    }

    @Test
    void opening_the_next_meter_on_the_same_page_moves_the_listener_to_it() {
        long meterId = firstMeterOf("clerk");
        long nextMeter = secondMeterOfTheDistrict();
        navigateTo("meters/" + meterId + "/live");

        navigateTo("meters/" + nextMeter + "/live");

        assertThat(readEvents.subscribers(meterId)).isZero();
        assertThat(readEvents.subscribers(nextMeter)).isEqualTo(1);
    }

    @Test
    void follow_live_reads_through_read_now_and_turns_itself_off_when_the_read_is_refused()
            throws InterruptedException {
        long meterId = firstMeterOf("clerk");
        navigateTo("meters/" + meterId + "/live");
        Checkbox follow = _get(Checkbox.class, spec -> spec.withId(MeterLiveView.FOLLOW_ID));
        MeterLiveView view = _get(MeterLiveView.class);

        follow.setValue(true);
        assertThat(view.isFollowing()).isTrue();
        for (int i = 0; i < 100 && follow.getValue(); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }

        assertThat(follow.getValue()).as("the first read runs at once and is refused").isFalse();
        assertThat(view.isFollowing()).isFalse();
        expectNotifications("The collection engine is not running in this process.");
    }

    @Test
    void read_now_shows_progress_ignores_a_second_click_and_pushes_the_stopped_engine_refusal() {
        long meterId = firstMeterOf("clerk");

        navigateTo("meters/" + meterId + "/live");
        Button readNow = _get(Button.class, spec -> spec.withId(MeterLiveView.READ_NOW_ID));
        MeterLiveView view = _get(MeterLiveView.class);
        // Server-side clicks and no lookups until the asserts: Karibu's _click and _get run the UI
        // queue, where the pushed result waits.
        readNow.click();
        assertThat(readNow.isEnabled()).as("in progress until the result is pushed").isFalse();
        assertThat(view.reading().indicator().isVisible()).isTrue();
        assertThat(view.reading().indicator().getId()).contains(MeterLiveView.READ_PROGRESS_ID);
        readNow.click(); // a second click reaching the server (the browser already disabled the button)

        view.reading().current().orTimeout(10, TimeUnit.SECONDS).join();
        MockVaadin.clientRoundtrip(false);
        expectNotifications("The collection engine is not running in this process.");
        assertThat(readNow.isEnabled()).as("enabled again once the result is pushed").isTrue();
        assertThat(view.reading().indicator().isVisible()).as("no progress once the result is in").isFalse();
    }

    @Test
    void the_page_names_the_meter_by_building_room_and_address_never_by_its_id() {
        long meterId = firstMeterOf("clerk");
        MeterName name = meters.name(meterId);

        navigateTo("meters/" + meterId + "/live");

        String title = _get(H3.class, spec -> spec.withId(MeterLiveView.TITLE_ID)).getText();
        assertThat(title).startsWith(name.building() + " ").contains(" · " + name.address())
                .doesNotContain("Meter " + meterId);
        if (name.room() != null) {
            assertThat(title).contains(name.room());
        }
        assertThat(UI.getCurrent().getInternals().getTitle()).contains(name.address());
    }

    @Test
    void the_live_view_charts_the_hourly_energy_and_power_of_the_chosen_day() {
        long meterId = firstMeterOf("clerk");

        navigateTo("meters/" + meterId + "/live");
        DatePicker day = _get(DatePicker.class, spec -> spec.withId(MeterLiveView.HISTORY_DAY_ID));
        day.setValue(java.time.LocalDate.of(2025, 1, 15));

        String option = _get(EChart.class, spec -> spec.withId(MeterLiveView.HISTORY_CHART_ID)).getOption();
        assertThat(option).contains("\"00:00\"", "\"23:00\"", "Energy (kWh)", "Average power (kW)", "\"bar\"");
        assertThat(option).as("a day without readings shows gaps, not zeros").contains("[null,null,null");
    }

    @Test
    void a_meter_outside_the_district_is_not_shown() {
        long meterOfClerk = firstMeterOf("clerk");
        LoginSupport.logout();
        login("clerk2");

        navigateTo("meters/" + meterOfClerk + "/live");

        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst())
                .isInstanceOf(MeterGridView.class);
    }
}
