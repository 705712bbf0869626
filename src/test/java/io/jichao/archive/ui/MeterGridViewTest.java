package io.jichao.archive.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDetails;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterName;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterState;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.DomainException;
import io.jichao.testing.KaribuTest;

class MeterGridViewTest extends KaribuTest {

    private static final MeterFilter ACTIVE = MeterFilter.none().withState(MeterState.ACTIVE);

    @Autowired
    private MeterService meters;

    @Autowired
    private SiteStructureService structure;

    @SuppressWarnings("unchecked")
    private static Grid<MeterRow> grid() {
        return _get(Grid.class, spec -> spec.withId(MeterGridView.GRID_ID));
    }

    private static List<MeterRow> rows() {
        Grid<MeterRow> grid = grid();
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    @SuppressWarnings("unchecked")
    private static <T> ComboBox<T> combo(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    private static String countText() {
        return _get(Span.class, spec -> spec.withId(MeterGridView.COUNT_ID)).getText();
    }

    private long activeCountIn(String... buildingCodes) {
        login("super");
        long total = 0;
        for (String code : buildingCodes) {
            total += meters.count(ACTIVE.withBuilding(ArchiveFixtures.building(structure, code).id()));
        }
        return total;
    }

    @Test
    void recharge_clerk_sees_only_the_meters_of_the_district_buildings() {
        long expected = activeCountIn("A", "B");
        login("clerk");
        navigateTo("meters");

        assertThat(GridKt._size(grid())).isEqualTo(expected);
        assertThat(rows()).extracting(MeterRow::buildingCode).containsOnly("A", "B");
        assertThat(countText()).isEqualTo(expected + " meters");
    }

    @Test
    void box_clerk_sees_only_the_meters_of_its_two_boxes() {
        login("boxclerk");
        navigateTo("meters");

        assertThat(GridKt._size(grid())).isPositive();
        assertThat(rows()).extracting(MeterRow::boxCode).containsOnly("A1-1", "A1-2");
    }

    @Test
    void building_filter_narrows_the_grid_to_that_building() {
        long expected = activeCountIn("C");
        navigateTo("meters");
        long all = GridKt._size(grid());
        ComboBox<BuildingView> building = combo(MeterGridView.FILTER_BUILDING_ID);

        _setValue(building, ArchiveFixtures.building(structure, "C"));

        assertThat(GridKt._size(grid())).isEqualTo(expected).isLessThan((int) all);
        assertThat(rows()).extracting(MeterRow::buildingCode).containsOnly("C");
        assertThat(countText()).isEqualTo(expected + " meters");
    }

    @Test
    void protocol_filter_shows_only_dlt645_1997_meters() {
        login("super");
        long expected = meters.count(ACTIVE.withProtocol(MeterProtocol.DLT645_1997));
        navigateTo("meters");

        _setValue(combo(MeterGridView.FILTER_PROTOCOL_ID), MeterProtocol.DLT645_1997);

        assertThat(GridKt._size(grid())).isEqualTo(expected).isPositive();
        assertThat(rows()).extracting(MeterRow::protocol).containsOnly(MeterProtocol.DLT645_1997);
    }

    @Test
    void billing_mode_filter_shows_only_post_paid_meters() {
        login("super");
        navigateTo("meters");
        int all = GridKt._size(grid());

        _setValue(combo(MeterGridView.FILTER_BILLING_MODE_ID), BillingMode.POSTPAID);

        assertThat(GridKt._size(grid())).isPositive().isLessThan(all);
        assertThat(rows()).extracting(MeterRow::billingMode).containsOnly(BillingMode.POSTPAID);
    }

    @Test
    void free_text_finds_a_household_by_phone_number() {
        login("super");
        navigateTo("meters");

        // The demo park's first household (room A101) has phone 13910000000.
        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), "13910000000");

        assertThat(rows()).isNotEmpty().extracting(MeterRow::room).containsOnly("A101");
    }

    @Test
    void free_text_finds_meters_by_room() {
        login("super");
        navigateTo("meters");

        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), "B305");

        assertThat(rows()).singleElement().extracting(MeterRow::room).isEqualTo("B305");
        assertThat(countText()).isEqualTo("1 meter");
    }

    @Test
    void recharge_clerk_gets_no_edit_buttons_and_the_service_refuses_to_create() {
        login("clerk");
        navigateTo("meters");

        _assertNone(Button.class, spec -> spec.withId(MeterGridView.NEW_ID));
        _assertNone(Button.class, spec -> spec.withId(MeterGridView.IMPORT_ID));
        _assertNone(Button.class, spec -> spec.withId(MeterGridView.REMOVE_ID));
        long buildingA = ArchiveFixtures.building(structure, "A").id();
        assertThatThrownBy(() -> meters.create(ArchiveFixtures.draft(ArchiveFixtures.freshAddress(), buildingA, null)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
    }

    @Test
    void a_meter_created_through_the_form_appears_in_the_grid() {
        login("maint");
        navigateTo("meters");
        String address = ArchiveFixtures.freshAddress();
        _click(_get(Button.class, spec -> spec.withId(MeterGridView.NEW_ID)));

        _setValue(_get(TextField.class, spec -> spec.withId(MeterForm.ADDRESS_ID)), address);
        _setValue(combo(MeterForm.PROTOCOL_ID), MeterProtocol.DLT645_2007);
        _setValue(combo(MeterForm.PHASE_ID), io.jichao.archive.Phase.SINGLE);
        ComboBox<BuildingView> building = combo(MeterForm.BUILDING_ID);
        _setValue(building, building.getListDataView().getItems().filter(b -> b.code().equals("C")).findFirst()
                .orElseThrow());
        ComboBox<io.jichao.archive.SiteStructure.BoxView> box = combo(MeterForm.BOX_ID);
        _setValue(box, box.getListDataView().getItems().filter(b -> b.code().equals("C2-1")).findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId(MeterForm.ROOM_ID)), "C299");
        _setValue(_get(TextField.class, spec -> spec.withId(MeterForm.HOUSEHOLD_ID)), "新住户");
        _setValue(_get(TextField.class, spec -> spec.withId(MeterForm.PHONES_ID)), "13800000001; 021-62000001");
        _click(_get(Button.class, spec -> spec.withId(MeterForm.SAVE_ID)));

        _assertNone(MeterForm.class);
        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), address);
        assertThat(rows()).singleElement().satisfies(row -> {
            assertThat(row.buildingCode()).isEqualTo("C");
            assertThat(row.floorLevel()).isEqualTo(2);
            assertThat(row.boxCode()).isEqualTo("C2-1");
            assertThat(row.room()).isEqualTo("C299");
        });
    }

    @Test
    void an_invalid_form_shows_errors_and_saves_nothing() {
        login("maint");
        navigateTo("meters");
        long before = meters.count(MeterFilter.none());
        _click(_get(Button.class, spec -> spec.withId(MeterGridView.NEW_ID)));

        TextField address = _get(TextField.class, spec -> spec.withId(MeterForm.ADDRESS_ID));
        _setValue(address, "12345");
        _click(_get(Button.class, spec -> spec.withId(MeterForm.SAVE_ID)));

        assertThat(address.isInvalid()).isTrue();
        assertThat(combo(MeterForm.BUILDING_ID).isInvalid()).isTrue();
        _get(MeterForm.class);
        assertThat(meters.count(MeterFilter.none())).isEqualTo(before);
    }

    @Test
    void editing_a_meter_changes_its_household_and_alarm_levels() {
        login("super");
        String address = ArchiveFixtures.freshAddress();
        long id = meters.create(ArchiveFixtures.draft(address, ArchiveFixtures.building(structure, "D").id(), "D499"));
        navigateTo("meters");
        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), address);

        GridKt._doubleClickItem(grid(), 0);
        _setValue(_get(TextField.class, spec -> spec.withId(MeterForm.HOUSEHOLD_ID)), "改名户");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId(MeterForm.ALARM1_ID)), new BigDecimal("80"));
        _click(_get(Button.class, spec -> spec.withId(MeterForm.SAVE_ID)));

        _assertNone(MeterForm.class);
        MeterDetails saved = meters.get(id);
        assertThat(saved.draft().householdName()).isEqualTo("改名户");
        assertThat(saved.draft().alarmLevel1Kwh()).isEqualByComparingTo("80");
        assertThat(rows()).singleElement().extracting(MeterRow::householdName).isEqualTo("改名户");
    }

    @Test
    void removing_a_meter_keeps_it_listed_as_removed() {
        login("super");
        String address = ArchiveFixtures.freshAddress();
        long id = meters.create(ArchiveFixtures.draft(address, ArchiveFixtures.building(structure, "B").id(), null));
        navigateTo("meters");
        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), address);

        grid().select(rows().getFirst());
        _click(_get(Button.class, spec -> spec.withId(MeterGridView.REMOVE_ID)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId(MeterGridView.REMOVE_CONFIRM_ID)));

        assertThat(meters.get(id).state()).isEqualTo(MeterState.REMOVED);
        assertThat(GridKt._size(grid())).isZero();
        _setValue(combo(MeterGridView.FILTER_STATE_ID), MeterState.REMOVED);
        assertThat(rows()).singleElement().extracting(MeterRow::state).isEqualTo(MeterState.REMOVED);
    }

    @Test
    void the_edit_form_and_the_remove_dialog_name_the_meter_by_building_and_address_never_by_id() {
        login("super");
        String address = ArchiveFixtures.freshAddress();
        long id = meters.create(ArchiveFixtures.draft(address, ArchiveFixtures.building(structure, "B").id(), null));
        MeterName name = meters.name(id);
        navigateTo("meters");
        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), address);

        GridKt._doubleClickItem(grid(), 0);
        String formTitle = _get(MeterForm.class).getHeaderTitle();
        _get(MeterForm.class).close();
        grid().select(rows().getFirst());
        _click(_get(Button.class, spec -> spec.withId(MeterGridView.REMOVE_ID)));
        String removeTitle = _get(ConfirmDialog.class, spec -> spec.withId(MeterGridView.REMOVE_CONFIRM_ID))
                .getElement().getProperty("header");

        assertThat(name.text()).startsWith(name.building()).endsWith(" · " + address);
        assertThat(formTitle).contains(name.text());
        assertThat(removeTitle).contains(name.text());
    }

    @Test
    void removed_meters_cannot_be_edited_from_the_grid() {
        login("super");
        String address = ArchiveFixtures.freshAddress();
        long id = meters.create(ArchiveFixtures.draft(address, ArchiveFixtures.building(structure, "B").id(), null));
        meters.remove(id);
        navigateTo("meters");
        _setValue(combo(MeterGridView.FILTER_STATE_ID), null);
        _setValue(_get(TextField.class, spec -> spec.withId(MeterGridView.FILTER_TEXT_ID)), address);

        grid().select(rows().getFirst());

        assertThat(_get(Button.class, spec -> spec.withId(MeterGridView.EDIT_ID)).isEnabled()).isFalse();
        assertThat(_get(Button.class, spec -> spec.withId(MeterGridView.REMOVE_ID)).isEnabled()).isFalse();
    }

    @Test
    void sorting_by_address_descending_reverses_the_order() {
        login("clerk");
        navigateTo("meters");
        GridKt._sortByKey(grid(), "meter.field.address", com.vaadin.flow.data.provider.SortDirection.DESCENDING);

        List<String> addresses = GridKt._fetch(grid(), 0, 20).stream().map(MeterRow::address).toList();

        assertThat(addresses).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Set<String> buildings = rows().stream().map(MeterRow::buildingCode).collect(Collectors.toSet());
        assertThat(buildings).containsOnly("A", "B");
    }
}
