package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.junit.jupiter.api.Test;

import io.jichao.collection.CollectionScheduleService.CollectorChoice;
import io.jichao.collection.CollectionScheduleService.ScheduleListing;
import io.jichao.collection.ReadingItem;
import io.jichao.testing.KaribuTest;

class CollectionSchedulesViewTest extends KaribuTest {

    @Test
    void a_maintainer_creates_a_schedule_for_a_collector_of_the_district() {
        login("maint");
        navigateTo("collection/schedules");
        String name = "View group " + System.nanoTime();

        click(CollectionSchedulesView.NEW_ID);
        fillValid(name);
        click(ScheduleForm.SAVE_ID);

        _assertNone(ScheduleForm.class);
        ScheduleListing created = grid().asSingleSelect().getValue();
        assertThat(created.schedule().name()).isEqualTo(name);
        assertThat(cell("timing", created)).isEqualTo("Every 10 min");
        assertThat(cell("collectors", created)).isEqualTo("C座采集器");
        assertThat(cell("items", created)).isEqualTo("Active energy (kWh), Remaining energy (kWh)");
        assertThat(cell("lastRun", created)).isEqualTo("Never");
        assertThat(cell("enabled", created)).isEqualTo("No");
    }

    @Test
    void an_incomplete_form_shows_its_errors_next_to_the_fields_and_saves_nothing() {
        login("maint");
        navigateTo("collection/schedules");
        int before = rows().size();

        click(CollectionSchedulesView.NEW_ID);
        _setValue(byId(IntegerField.class, ScheduleForm.INTERVAL_ID), 1441);
        click(ScheduleForm.SAVE_ID);

        assertThat(byId(TextField.class, ScheduleForm.NAME_ID).isInvalid()).isTrue();
        IntegerField interval = byId(IntegerField.class, ScheduleForm.INTERVAL_ID);
        assertThat(interval.isInvalid()).isTrue();
        assertThat(interval.getErrorMessage()).isEqualTo("The interval must be 1 to 1,440 minutes.");
        assertThat(byId(CheckboxGroup.class, ScheduleForm.ITEMS_ID).isInvalid()).isTrue();
        _assertOne(ScheduleForm.class);
        click(ScheduleForm.CANCEL_ID);
        assertThat(rows()).hasSize(before);
    }

    @Test
    void a_maintainer_choosing_no_collector_gets_the_refusal_next_to_the_collectors() {
        login("maint");
        navigateTo("collection/schedules");

        click(CollectionSchedulesView.NEW_ID);
        fillValid("View all " + System.nanoTime());
        _setValue(byId(MultiSelectComboBox.class, ScheduleForm.COLLECTORS_ID), Set.of());
        click(ScheduleForm.SAVE_ID);

        MultiSelectComboBox<?> collectors = byId(MultiSelectComboBox.class, ScheduleForm.COLLECTORS_ID);
        assertThat(collectors.isInvalid()).isTrue();
        assertThat(collectors.getErrorMessage()).startsWith("A schedule for all collectors covers the whole site");
    }

    @Test
    void editing_a_schedule_makes_it_daily_at_the_chosen_time() {
        login("maint");
        navigateTo("collection/schedules");
        String name = "View edit " + System.nanoTime();
        click(CollectionSchedulesView.NEW_ID);
        fillValid(name);
        click(ScheduleForm.SAVE_ID);

        click(CollectionSchedulesView.EDIT_ID);
        assertThat(byId(TextField.class, ScheduleForm.NAME_ID).getValue()).isEqualTo(name);
        _setValue(byId(RadioButtonGroup.class, ScheduleForm.TIMING_KIND_ID), ScheduleForm.TimingKind.DAILY);
        _assertNone(IntegerField.class, spec -> spec.withId(ScheduleForm.INTERVAL_ID));
        _setValue(byId(TimePicker.class, ScheduleForm.TIME_ID), LocalTime.of(0, 30));
        click(ScheduleForm.SAVE_ID);

        ScheduleListing edited = grid().asSingleSelect().getValue();
        assertThat(edited.schedule().name()).isEqualTo(name);
        assertThat(cell("timing", edited)).isEqualTo("Daily at 00:30");
    }

    @Test
    void a_maintainer_runs_an_enabled_schedule_now() {
        login("maint");
        navigateTo("collection/schedules");
        click(CollectionSchedulesView.NEW_ID);
        fillValid("View run " + System.nanoTime());
        click(ScheduleForm.SAVE_ID);
        Button runNow = byId(Button.class, CollectionSchedulesView.RUN_NOW_ID);
        assertThat(runNow.isEnabled()).as("a disabled schedule cannot be run").isFalse();

        click(CollectionSchedulesView.TOGGLE_ID);
        assertThat(runNow.isEnabled()).isTrue();
        _click(runNow);

        assertThat(NotificationsKt.getNotifications()).extracting(n -> n.getElement().getProperty("text"))
                .anySatisfy(text -> assertThat(text).endsWith("starts within 20 s."));
        assertThat(cell("nextRun", grid().asSingleSelect().getValue())).isNotEqualTo("Not planned");
    }

    @Test
    void the_super_admin_sees_the_seeded_schedules_and_the_clock_sync_read_only() {
        login("super");
        navigateTo("collection/schedules");

        ScheduleListing freeze = rows().stream().filter(l -> l.schedule().name().equals("日冻结")).findFirst()
                .orElseThrow();
        assertThat(cell("timing", freeze)).isEqualTo("Daily at 00:15");
        assertThat(cell("collectors", freeze)).isEqualTo("All enabled collectors");
        assertThat(byId(Span.class, CollectionSchedulesView.CLOCK_SYNC_ID).getText()).contains("0 0 3 * * *",
                "Asia/Shanghai");
        _assertOne(Button.class, spec -> spec.withId(CollectionSchedulesView.RUN_NOW_ID));
    }

    @Test
    void a_recharge_clerk_cannot_open_the_schedules() {
        login("clerk");

        Throwable refusal = catchThrowable(() -> navigateTo("collection/schedules"));

        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(CollectionSchedulesView.class)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void fillValid(String name) {
        _setValue(byId(TextField.class, ScheduleForm.NAME_ID), name);
        _setValue(byId(IntegerField.class, ScheduleForm.INTERVAL_ID), 10);
        _setValue(byId(CheckboxGroup.class, ScheduleForm.ITEMS_ID),
                Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REMAINING_ENERGY));
        MultiSelectComboBox<CollectorChoice> collectors = byId(MultiSelectComboBox.class, ScheduleForm.COLLECTORS_ID);
        CollectorChoice buildingC = collectors.getListDataView().getItems()
                .filter(c -> c.name().equals("C座采集器")).findFirst().orElseThrow();
        _setValue(collectors, Set.of(buildingC));
        // Kept disabled so that no dispatcher of another test context runs it.
        _setValue(byId(com.vaadin.flow.component.checkbox.Checkbox.class, ScheduleForm.ENABLED_ID), false);
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }

    private static void click(String id) {
        _click(byId(Button.class, id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ScheduleListing> grid() {
        return byId(Grid.class, CollectionSchedulesView.GRID_ID);
    }

    private static List<ScheduleListing> rows() {
        return GridKt._findAll(grid());
    }

    private static String cell(String key, ScheduleListing row) {
        return GridKt._getFormatted(GridKt._getColumnByKey(grid(), key), row);
    }
}
