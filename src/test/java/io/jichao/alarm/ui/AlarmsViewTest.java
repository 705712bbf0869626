package io.jichao.alarm.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.alarm.AlarmExportService;
import io.jichao.alarm.AlarmFilter;
import io.jichao.alarm.AlarmKind;
import io.jichao.alarm.AlarmRecorder;
import io.jichao.alarm.AlarmRow;
import io.jichao.alarm.AlarmState;
import io.jichao.alarm.AlarmSubject;
import io.jichao.alarm.Severity;
import io.jichao.notify.NotificationView;
import io.jichao.shared.ui.Languages;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;
import io.jichao.ui.MainLayout;

class AlarmsViewTest extends KaribuTest {

    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private AlarmExportService exports;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    private long meterInA;
    private long meterInC;
    private long lowInC;
    private long faultInC;
    private long lowInA;
    private String managerOfC;

    @BeforeEach
    void alarmsInBuildingsAAndC() {
        meterInA = meterOf("A");
        meterInC = meterOf("C");
        jdbc.update("DELETE FROM alarm WHERE meter_id IN (?, ?)", meterInA, meterInC);
        managerOfC = firstManager(buildingOf(meterInC));
        lowInA = recorder.raise(AlarmKind.LOW_REMAINING_1, AlarmSubject.meter(meterInA), "remaining 15 kWh").alarmId();
        lowInC = recorder.raise(AlarmKind.LOW_REMAINING_1, AlarmSubject.meter(meterInC), "remaining 12 kWh").alarmId();
        faultInC = recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterInC), "3 timeouts").alarmId();
    }

    @Test
    void maintenance_sees_the_alarms_of_its_district_with_a_colour_per_severity() {
        login("maint");
        navigateTo("alarms");

        assertThat(ids()).contains(lowInC, faultInC).doesNotContain(lowInA);
        assertThat(badge(faultInC).getElement().getAttribute("data-severity")).isEqualTo("FAULT");
        assertThat(badge(faultInC).getStyle().get("background-color")).isEqualTo(SeverityBadge.colour(Severity.FAULT));
        assertThat(badge(lowInC).getStyle().get("background-color")).isEqualTo(SeverityBadge.colour(Severity.ALARM));
    }

    @Test
    void one_alarm_is_acknowledged_from_its_row_and_stays_in_the_active_list() {
        login("maint");
        navigateTo("alarms");

        Button acknowledge = (Button) GridKt._getCellComponent(grid(), index(faultInC), AlarmsView.ACKNOWLEDGE_COLUMN)
                .getChildren().findFirst().orElseThrow();
        _click(acknowledge);

        AlarmRow row = row(faultInC);
        assertThat(row.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(row.acknowledgedBy()).isEqualTo("maint");
    }

    @Test
    void the_selected_alarms_are_acknowledged_together() {
        login("maint");
        navigateTo("alarms");
        Button selected = _get(Button.class, spec -> spec.withId(AlarmsView.ACKNOWLEDGE_SELECTED_ID));
        assertThat(selected.isEnabled()).isFalse();

        grid().select(row(lowInC));
        grid().select(row(faultInC));
        _click(selected);

        assertThat(row(lowInC).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(row(faultInC).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
    }

    @SuppressWarnings("unchecked")
    @Test
    void filters_narrow_the_list_and_history_shows_cleared_alarms() {
        login("super");
        navigateTo("alarms");

        _setValue(_get(ComboBox.class, spec -> spec.withId(AlarmFilterBar.SEVERITY_ID)), Severity.FAULT);
        assertThat(ids()).contains(faultInC).doesNotContain(lowInC, lowInA);
        _setValue(_get(ComboBox.class, spec -> spec.withId(AlarmFilterBar.SEVERITY_ID)), null);
        _setValue(_get(ComboBox.class, spec -> spec.withId(AlarmFilterBar.KIND_ID)), AlarmKind.LOW_REMAINING_1);
        assertThat(ids()).contains(lowInC, lowInA).doesNotContain(faultInC);

        recorder.clear(AlarmKind.LOW_REMAINING_1, AlarmSubject.meter(meterInA));
        _setValue(_get(ComboBox.class, spec -> spec.withId(AlarmFilterBar.KIND_ID)), null);
        assertThat(ids()).doesNotContain(lowInA);
        _setValue(_get(Checkbox.class, spec -> spec.withId(AlarmFilterBar.HISTORY_ID)), true);
        assertThat(ids()).contains(lowInA);
    }

    @Test
    void a_clerk_sees_alarms_without_acknowledge_buttons() {
        login("clerk");
        navigateTo("alarms");

        assertThat(ids()).contains(lowInA).doesNotContain(lowInC);
        _assertNone(Button.class, spec -> spec.withId(AlarmsView.ACKNOWLEDGE_SELECTED_ID));
        assertThat(grid().getColumnByKey(AlarmsView.ACKNOWLEDGE_COLUMN)).isNull();
        assertThat(_get(Anchor.class, spec -> spec.withId(AlarmsView.EXPORT_ID)).getHref()).isNotBlank();
        assertThat(_get(SideNav.class, spec -> spec.withId(MainLayout.NAV_ID)).getItems())
                .extracting(SideNavItem::getPath).contains("alarms");
    }

    @Test
    void the_export_holds_the_filtered_alarms_of_the_district_with_translated_headers() throws IOException {
        LoginSupport.loginAs(users, "maint");

        byte[] xlsx = exports.xlsx(AlarmFilter.active(), Languages.ENGLISH);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Kind");
            List<String> kinds = new java.util.ArrayList<>();
            List<String> details = new java.util.ArrayList<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                kinds.add(sheet.getRow(i).getCell(1).getStringCellValue());
                details.add(sheet.getRow(i).getCell(5).getStringCellValue());
            }
            assertThat(kinds).contains("Meter communication failure", "Remaining energy below level 1");
            assertThat(details).contains("3 timeouts", "remaining 12 kWh").doesNotContain("remaining 15 kWh");
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void the_sms_of_a_fault_open_from_its_row_with_the_first_manager_texted() {
        login("maint");
        navigateTo("alarms");

        _click((Button) GridKt._getCellComponent(grid(), index(faultInC), AlarmsView.SMS_COLUMN));

        Grid<NotificationView> sms = _get(Grid.class, spec -> spec.withId(AlarmsView.SMS_GRID_ID));
        List<NotificationView> shown = GridKt._findAll(sms);
        assertThat(shown).hasSize(1);
        assertThat(shown.getFirst().phone()).isEqualTo(managerOfC);
        // Entirely in the recipient's language: the English detail of the alarm stays on the alarm.
        assertThat(shown.getFirst().body()).contains("电表通信故障").doesNotContain("timeouts");
        assertThat(shown.getFirst().urgent()).isTrue();
    }

    private Grid<AlarmRow> grid() {
        return _get(Grid.class, spec -> spec.withId(AlarmsView.GRID_ID));
    }

    private List<Long> ids() {
        return GridKt._findAll(grid()).stream().map(AlarmRow::id).toList();
    }

    private AlarmRow row(long id) {
        return GridKt._findAll(grid()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private int index(long id) {
        return ids().indexOf(id);
    }

    private Span badge(long id) {
        Component cell = GridKt._getCellComponent(grid(), index(id), AlarmsView.SEVERITY_COLUMN);
        return (Span) cell;
    }

    private long buildingOf(long meterId) {
        return jdbc.queryForObject("SELECT building_id FROM meter WHERE id = ?", Long.class, meterId);
    }

    /** The building's first manager contact; one of the test's own when the building has none. */
    private String firstManager(long buildingId) {
        List<String> phones = jdbc.queryForList("SELECT phone FROM notification_contact WHERE building_id = ? "
                + "ORDER BY position", String.class, buildingId);
        if (!phones.isEmpty()) {
            return phones.getFirst();
        }
        jdbc.update("INSERT INTO notification_contact (building_id, position, name, phone, language) "
                + "VALUES (?, 0, 'Test', '13900000001', 'zh-CN')", buildingId);
        return "13900000001";
    }

    private long meterOf(String buildingCode) {
        return jdbc.queryForObject("""
                SELECT MIN(m.id) FROM meter m JOIN building b ON b.id = m.building_id
                WHERE b.code = ? AND m.state = 'ACTIVE'""", Long.class, buildingCode);
    }
}
