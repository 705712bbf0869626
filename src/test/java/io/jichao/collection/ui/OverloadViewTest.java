package io.jichao.collection.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.BigDecimalField;

import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.collection.control.OverloadSetting;
import io.jichao.collection.control.OverloadState;
import io.jichao.testing.KaribuTest;

/** The bulk overload page; the engine is off in the test context, so settings stay PENDING. */
class OverloadViewTest extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void forgetTheSettings() {
        jdbc.update("delete from meter_overload_setting where requested_by = 'maint'");
    }

    @Test
    void a_maintainer_sets_overload_parameters_for_selected_meters_of_a_building_in_the_district() {
        login("maint");
        navigateTo("collection/overload");
        chooseBuilding("C");
        List<OverloadSetting> rows = GridKt._findAll(grid());
        assertThat(rows).isNotEmpty();
        grid().select(rows.get(0));
        grid().select(rows.get(1));
        _setValue(byId(BigDecimalField.class, OverloadView.MAX_ID), new BigDecimal("6.6"));
        _setValue(byId(BigDecimalField.class, OverloadView.SUDDEN_ID), new BigDecimal("2.5"));

        _click(byId(Button.class, OverloadView.APPLY_SELECTED_ID));

        expectNotifications("Overload parameters queued for 2 meter(s).");
        List<OverloadSetting> after = GridKt._findAll(grid());
        assertThat(after).filteredOn(s -> s.state() == OverloadState.PENDING)
                .extracting(OverloadSetting::meterId)
                .containsExactlyInAnyOrder(rows.get(0).meterId(), rows.get(1).meterId());
        assertThat(after).filteredOn(s -> s.meterId() == rows.get(0).meterId()).singleElement()
                .satisfies(s -> assertThat(s.desiredMaxPowerKw()).isEqualByComparingTo("6.6"));
    }

    @Test
    void a_whole_building_is_set_at_once_and_a_value_out_of_range_is_refused() {
        login("maint");
        navigateTo("collection/overload");
        chooseBuilding("D");
        _setValue(byId(BigDecimalField.class, OverloadView.MAX_ID), new BigDecimal("150"));
        _setValue(byId(BigDecimalField.class, OverloadView.SUDDEN_ID), new BigDecimal("2"));
        _click(byId(Button.class, OverloadView.APPLY_BUILDING_ID));
        expectNotifications("Power values must be between 0 and 99.9999 kW.");

        _setValue(byId(BigDecimalField.class, OverloadView.MAX_ID), new BigDecimal("10"));
        _click(byId(Button.class, OverloadView.APPLY_BUILDING_ID));

        List<OverloadSetting> rows = GridKt._findAll(grid());
        assertThat(rows).isNotEmpty().allSatisfy(s -> assertThat(s.state()).isEqualTo(OverloadState.PENDING));
    }

    @Test
    void a_recharge_clerk_cannot_open_the_overload_page() {
        login("clerk");

        Throwable refusal = catchThrowable(() -> navigateTo("collection/overload"));

        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(OverloadView.class)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void chooseBuilding(String code) {
        ComboBox<BuildingView> buildings = byId(ComboBox.class, OverloadView.BUILDING_ID);
        _setValue(buildings, buildings.getListDataView().getItems().filter(b -> b.code().equals(code))
                .findFirst().orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Grid<OverloadSetting> grid() {
        return byId(Grid.class, OverloadView.GRID_ID);
    }

    private static <T extends Component> T byId(Class<T> type, String id) {
        return _get(type, spec -> spec.withId(id));
    }
}
