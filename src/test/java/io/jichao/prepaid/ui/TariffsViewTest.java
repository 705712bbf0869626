package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.PeriodKind;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.TariffGroupSummary;
import io.jichao.prepaid.TariffKind;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.TariffStep;
import io.jichao.prepaid.TariffVersionView;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;
import io.jichao.ui.MainLayout;

class TariffsViewTest extends KaribuTest {

    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    @Test
    void finance_creates_a_group_and_a_flat_version_from_tomorrow_which_is_listed_as_next_and_in_the_history() {
        login("finance");
        navigateTo("prepaid/tariffs");
        String name = createGroup("flat");

        _setValue(_get(DatePicker.class, spec -> spec.withId(TariffVersionForm.EFFECTIVE_ID)), tomorrow());
        _setValue(_get(TextField.class, spec -> spec.withId(TariffVersionForm.FLAT_PRICE_ID)), "0.5283");
        submit();

        TariffGroupSummary group = listed(name);
        assertThat(group.inForce()).isNull();
        assertThat(group.next().effectiveFrom()).isEqualTo(tomorrow());
        assertThat(group.next().plan()).isEqualTo(new TariffPlan.Flat(PricePerKwh.of("0.5283")));
        assertThat(history()).singleElement().satisfies(v -> {
            assertThat(v.effectiveFrom()).isEqualTo(tomorrow());
            assertThat(v.createdBy()).isEqualTo("finance");
        });
    }

    @Test
    void a_version_from_yesterday_is_refused_on_the_date_field() {
        login("finance");
        navigateTo("prepaid/tariffs");
        createGroup("past");
        DatePicker date = _get(DatePicker.class, spec -> spec.withId(TariffVersionForm.EFFECTIVE_ID));
        _setValue(date, today().minusDays(1));
        _setValue(_get(TextField.class, spec -> spec.withId(TariffVersionForm.FLAT_PRICE_ID)), "0.5283");
        submit();

        assertThat(date.isInvalid()).isTrue();
        assertThat(date.getErrorMessage()).contains("cannot start in the past");
        assertThat(history()).isEmpty();
    }

    @Test
    void a_time_of_use_version_with_a_gap_is_refused_with_the_uncovered_time_and_a_complete_one_is_stored() {
        login("finance");
        navigateTo("prepaid/tariffs");
        String name = createGroup("tou");
        _setValue(_get(DatePicker.class, spec -> spec.withId(TariffVersionForm.EFFECTIVE_ID)), tomorrow());
        kind(TariffKind.TIME_OF_USE);
        period(0, PeriodKind.PEAK, "08:00", "22:00", "0.6170");
        _click(_get(Button.class, spec -> spec.withId(TariffVersionForm.TOU_ADD_ID)));
        period(1, PeriodKind.VALLEY, "23:00", "08:00", "0.3070");
        _setValue(_get(TextField.class, spec -> spec.withId(TariffVersionForm.REFERENCE_ID)), "0.5283");
        submit();

        assertThat(_get(Span.class, spec -> spec.withId(TariffVersionForm.TOU_ERROR_ID)).getText())
                .isEqualTo("Time-of-use periods leave 22:00 uncovered; they must cover 24 hours.");
        assertThat(history()).isEmpty();

        _click(_get(Button.class, spec -> spec.withId(TariffVersionForm.TOU_ADD_ID)));
        period(2, PeriodKind.FLAT, "22:00", "23:00", "0.5000");
        submit();

        assertThat(history()).singleElement().satisfies(v -> {
            TariffPlan.TimeOfUse plan = (TariffPlan.TimeOfUse) v.plan();
            assertThat(plan.periods()).hasSize(3);
            assertThat(plan.periodAt(LocalTime.of(22, 30)).price()).isEqualTo(PricePerKwh.of("0.5000"));
            assertThat(plan.rechargeReferencePrice()).isEqualTo(PricePerKwh.of("0.5283"));
        });
        assertThat(listed(name).next().plan().kind()).isEqualTo(TariffKind.TIME_OF_USE);
    }

    @Test
    void a_stepped_plan_with_descending_blocks_is_refused_and_an_ascending_one_is_stored() {
        login("finance");
        navigateTo("prepaid/tariffs");
        createGroup("steps");
        _setValue(_get(DatePicker.class, spec -> spec.withId(TariffVersionForm.EFFECTIVE_ID)), tomorrow());
        kind(TariffKind.STEPPED);
        step(0, "200", "0.5000");
        _click(_get(Button.class, spec -> spec.withId(TariffVersionForm.STEP_ADD_ID)));
        step(1, "100", "0.5500");
        _click(_get(Button.class, spec -> spec.withId(TariffVersionForm.STEP_ADD_ID)));
        step(2, "", "0.8000");
        submit();

        assertThat(_get(Span.class, spec -> spec.withId(TariffVersionForm.STEPS_ERROR_ID)).getText())
                .contains("ascending");
        assertThat(history()).isEmpty();

        step(1, "400", "0.5500");
        submit();

        assertThat(history()).singleElement().extracting(TariffVersionView::plan).isEqualTo(new TariffPlan.Stepped(
                List.of(new TariffStep(Kwh.of("200.00"), PricePerKwh.of("0.5000")),
                        new TariffStep(Kwh.of("400.00"), PricePerKwh.of("0.5500")),
                        new TariffStep(null, PricePerKwh.of("0.8000")))));
    }

    @Test
    void finance_finds_a_meter_by_address_and_assigns_it_to_the_selected_group() {
        String address = ownMeterAddress();
        login("finance");
        navigateTo("prepaid/tariffs");
        String name = createGroup("assign");
        _setValue(_get(DatePicker.class, spec -> spec.withId(TariffVersionForm.EFFECTIVE_ID)), today());
        _setValue(_get(TextField.class, spec -> spec.withId(TariffVersionForm.FLAT_PRICE_ID)), "0.4321");
        submit();

        _setValue(_get(TextField.class, spec -> spec.withId(TariffMeterAssignForm.SEARCH_ID)), address);
        _click(_get(Button.class, spec -> spec.withId(TariffMeterAssignForm.FIND_ID)));
        @SuppressWarnings("unchecked")
        Grid<io.jichao.archive.MeterRow> results = _get(Grid.class,
                spec -> spec.withId(TariffMeterAssignForm.RESULTS_ID));
        io.jichao.archive.MeterRow meter = results.getGenericDataView().getItems().filter(m -> m.address().equals(address))
                .findFirst().orElseThrow();
        results.select(meter);
        _click(_get(Button.class, spec -> spec.withId(TariffMeterAssignForm.ASSIGN_ID)));

        assertThat(tariffs.inForce(meter.id(), today()).plan()).isEqualTo(new TariffPlan.Flat(PricePerKwh.of("0.4321")));
        assertThat(listed(name).inForce()).isNotNull();
    }

    @Test
    void finance_finds_the_page_in_the_side_navigation_and_a_clerk_does_not() {
        login("finance");
        navigateTo("");
        assertThat(navigationPaths()).contains("prepaid/tariffs");
        login("clerk");
        navigateTo("");
        assertThat(navigationPaths()).doesNotContain("prepaid/tariffs");
    }

    @Test
    void a_clerk_cannot_open_the_page() {
        login("clerk");
        assertThat(catchThrowable(() -> navigateTo("prepaid/tariffs"))).isInstanceOf(MockAccessDeniedException.class);
    }

    private List<String> navigationPaths() {
        SideNav nav = _get(SideNav.class, spec -> spec.withId(MainLayout.NAV_ID));
        return nav.getItems().stream().map(SideNavItem::getPath).toList();
    }

    private String ownMeterAddress() {
        String run = String.valueOf(System.nanoTime() % 10_000_000_000L);
        String address = "87" + String.format("%010d", Long.parseLong(run));
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE, BillingMode.PREPAID,
                buildingId, null, null, null, 1, 1, new BigDecimal("10"), null, null, "T" + run, "Tariff view " + run,
                List.of()));
        LoginSupport.logout();
        return address;
    }

    private String createGroup(String prefix) {
        String name = prefix + "-" + System.nanoTime();
        _setValue(_get(TextField.class, spec -> spec.withId(TariffsView.GROUP_NAME_ID)), name);
        _click(_get(Button.class, spec -> spec.withId(TariffsView.GROUP_CREATE_ID)));
        assertThat(groups().asSingleSelect().getValue().name()).isEqualTo(name);
        return name;
    }

    @SuppressWarnings("unchecked")
    private void kind(TariffKind kind) {
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId(TariffVersionForm.KIND_ID)), kind);
    }

    @SuppressWarnings("unchecked")
    private void period(int row, PeriodKind kind, String start, String end, String price) {
        _setValue(_get(Select.class, spec -> spec.withId("tariff-tou-kind-" + row)), kind);
        _setValue(_get(TimePicker.class, spec -> spec.withId("tariff-tou-start-" + row)), LocalTime.parse(start));
        _setValue(_get(TimePicker.class, spec -> spec.withId("tariff-tou-end-" + row)), LocalTime.parse(end));
        _setValue(_get(TextField.class, spec -> spec.withId("tariff-tou-price-" + row)), price);
    }

    private void step(int row, String upTo, String price) {
        _setValue(_get(TextField.class, spec -> spec.withId("tariff-step-upto-" + row)), upTo);
        _setValue(_get(TextField.class, spec -> spec.withId("tariff-step-price-" + row)), price);
    }

    private void submit() {
        _click(_get(Button.class, spec -> spec.withId(TariffVersionForm.SUBMIT_ID)));
    }

    private TariffGroupSummary listed(String name) {
        return groups().getGenericDataView().getItems().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private List<TariffVersionView> history() {
        @SuppressWarnings("unchecked")
        Grid<TariffVersionView> grid = _get(Grid.class, spec -> spec.withId(TariffsView.HISTORY_ID));
        return grid.getGenericDataView().getItems().toList();
    }

    @SuppressWarnings("unchecked")
    private Grid<TariffGroupSummary> groups() {
        return _get(Grid.class, spec -> spec.withId(TariffsView.GROUPS_ID));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
    }

    private LocalDate tomorrow() {
        return today().plusDays(1);
    }
}
