package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;

import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import com.vaadin.flow.component.datepicker.DatePicker;
import io.jichao.archive.ui.MeterGridView;
import io.jichao.shared.ui.EChart;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

/** The live view of one meter; the engine is off in the test context, so "read now" says so. */
class MeterLiveViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;

    private long firstMeterOf(String username) {
        login(username);
        return meters.page(MeterFilter.none(), 0, 1, List.of(MeterSort.byAddress())).getFirst().id();
    }

    @Test
    void an_operator_opens_the_live_view_of_a_meter_in_the_district_and_read_now_reports_the_stopped_engine() {
        long meterId = firstMeterOf("clerk");

        navigateTo("meters/" + meterId + "/live");

        assertThat(_get(H3.class, spec -> { }).getText()).contains(Long.toString(meterId));
        _click(_get(Button.class, spec -> spec.withId(MeterLiveView.READ_NOW_ID)));
        expectNotifications("The collection engine is not running in this process.");
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
