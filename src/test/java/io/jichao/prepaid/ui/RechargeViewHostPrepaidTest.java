package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.RechargeUiFixtures.Household;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.KaribuTest;

/** The recharge page for a host-side prepaid household: money only, the balance in yuan, confirmed at once. */
class RechargeViewHostPrepaidTest extends KaribuTest {

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

    @Test
    void a_host_side_household_is_recharged_in_money_and_sees_its_balance_in_yuan() {
        RechargeUiFixtures fixtures = new RechargeUiFixtures(meters, structure, tariffs, users, clock);
        Household household = fixtures.household("A", "主站" + UUID.randomUUID().toString().substring(0, 4),
                BillingMode.HOST_PREPAID);
        fixtures.flatPrice("0.5000", household.meterId());
        login("clerk");
        navigateTo("recharge");
        _setValue(_get(TextField.class, spec -> spec.withId(HouseholdSearch.TEXT_ID)), household.room());
        @SuppressWarnings("unchecked")
        Grid<MeterRow> grid = _get(Grid.class, spec -> spec.withId(HouseholdSearch.GRID_ID));
        List<MeterRow> hits = GridKt._fetch(grid, 0, GridKt._size(grid));
        assertThat(hits).extracting(MeterRow::billingMode).containsExactly(BillingMode.HOST_PREPAID);
        grid.select(hits.getFirst());

        assertThat(_get(RadioButtonGroup.class, spec -> spec.withId(RechargeForm.UNIT_ID)).isEnabled())
                .as("no kWh to the meter").isFalse();
        _setValue(_get(TextField.class, spec -> spec.withId(RechargeForm.AMOUNT_ID)), "30");
        _click(_get(Button.class, spec -> spec.withId(RechargeForm.CONFIRM_ID)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        List<RechargeOrderView> orders = recharges.ordersOf(household.meterId());
        assertThat(orders).singleElement().satisfies(order -> {
            assertThat(order.amount()).isEqualTo(Money.of("30.00"));
            assertThat(order.kwh()).isEqualTo(Kwh.ZERO);
            assertThat(order.state()).isEqualTo(RechargeState.CONFIRMED);
        });
        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.BALANCE_ID)).getText())
                .isEqualTo("Host-side balance: 30.00 yuan (the meter keeps no credit; the recharge goes to the account only)");
    }
}
