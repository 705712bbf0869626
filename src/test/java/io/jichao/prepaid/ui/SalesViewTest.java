package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.SalesReportService.DailySales;
import io.jichao.prepaid.SalesReportService.SalesRow;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class SalesViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    private long meterId;

    @BeforeEach
    void aPrepaidMeterOfBuildingA() {
        String run = String.valueOf(System.nanoTime() % 10_000_000_000L);
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        meterId = meters.create(new MeterDraft("89" + String.format("%010d", Long.parseLong(run)), null,
                MeterProtocol.DLT645_2007, Phase.SINGLE, BillingMode.PREPAID, buildingId, null, null, null, 1, 1,
                new BigDecimal("10"), null, null, "S" + run, "Sales view " + run, List.of()));
        long groupId = tariffs.createGroup("sales-view-" + run);
        tariffs.addVersion(groupId, today(), new TariffPlan.Flat(PricePerKwh.of("0.5000")));
        tariffs.assignMeter(groupId, meterId);
        LoginSupport.logout();
    }

    @Test
    void a_clerk_sees_the_sale_just_made_in_the_day_grid_of_the_district_and_can_download_both_files() {
        login("clerk");
        navigateTo("prepaid/sales");
        Money before = cashOfClerk().map(row -> row.figures().gross()).orElse(Money.ZERO);

        LoginSupport.loginAs(users, "clerk");
        recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("12.34")),
                new Payment(PaymentMethod.CASH, null), UUID.randomUUID().toString()));
        login("clerk");
        navigateTo("prepaid/sales");

        assertThat(cashOfClerk()).hasValueSatisfying(row ->
                assertThat(row.figures().gross()).isEqualTo(before.plus(Money.of("12.34"))));
        assertThat(rows().getGenericDataView().getItems()).extracting(SalesRow::office)
                .containsOnly("米格天地物业一处");
        assertThat(_get(Anchor.class, spec -> spec.withId(SalesView.XLSX_ID)).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId(SalesView.PDF_ID)).getHref()).isNotBlank();
    }

    @Test
    void choosing_a_month_lists_every_day_of_it() {
        login("finance");
        navigateTo("prepaid/sales");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<SalesView.Kind> kind = _get(RadioButtonGroup.class, spec -> spec.withId(SalesView.KIND_ID));
        kind.setValue(SalesView.Kind.MONTH);

        @SuppressWarnings("unchecked")
        Grid<DailySales> days = _get(Grid.class, spec -> spec.withId(SalesView.DAYS_ID));
        assertThat(days.getGenericDataView().getItems()).hasSize(YearMonth.from(today()).lengthOfMonth());
        assertThat(_get(DatePicker.class, spec -> spec.withId(SalesView.DATE_ID)).getLabel()).isEqualTo("Month");
    }

    @Test
    void a_maintainer_cannot_open_the_page() {
        login("maint");
        assertThat(catchThrowable(() -> navigateTo("prepaid/sales"))).isInstanceOf(MockAccessDeniedException.class);
    }

    private java.util.Optional<SalesRow> cashOfClerk() {
        return rows().getGenericDataView().getItems()
                .filter(row -> row.clerk().equals("clerk") && row.method() == PaymentMethod.CASH).findFirst();
    }

    @SuppressWarnings("unchecked")
    private Grid<SalesRow> rows() {
        return _get(Grid.class, spec -> spec.withId(SalesView.ROWS_ID));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
    }
}
