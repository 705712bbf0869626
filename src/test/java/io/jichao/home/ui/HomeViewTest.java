package io.jichao.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.alarm.AlarmKind;
import io.jichao.alarm.AlarmRecorder;
import io.jichao.alarm.AlarmSubject;
import io.jichao.testing.KaribuTest;

class HomeViewTest extends KaribuTest {

    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void the_home_page_counts_the_active_alarms_and_faults_of_the_district() {
        long meterInC = meterOf("C");
        long meterInA = meterOf("A");
        jdbc.update("DELETE FROM alarm WHERE meter_id IN (?, ?)", meterInC, meterInA);
        login("maint");
        navigateTo("");
        long active = value("alarms-active");
        long faults = value("alarms-faults");

        recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterInC), "3 timeouts");
        recorder.raise(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterInC), "90 s");
        recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterInA), "outside the district");
        navigateTo("alarms");
        navigateTo("");

        assertThat(value("alarms-active")).isEqualTo(active + 2);
        assertThat(value("alarms-faults")).isEqualTo(faults + 1);
    }

    private long value(String tile) {
        Div div = _get(Div.class, spec -> spec.withId(HomeView.TILE_PREFIX + tile));
        Span number = (Span) div.getChildren().findFirst().orElseThrow();
        return Long.parseLong(number.getText().replace(",", ""));
    }

    private long meterOf(String buildingCode) {
        return jdbc.queryForObject("""
                SELECT MIN(m.id) FROM meter m JOIN building b ON b.id = m.building_id
                WHERE b.code = ? AND m.state = 'ACTIVE'""", Long.class, buildingCode);
    }
}
