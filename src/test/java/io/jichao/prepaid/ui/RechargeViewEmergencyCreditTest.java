package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.RechargeUiFixtures.Household;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.KaribuTest;

/**
 * The emergency credit on the recharge page. A class of its own beside {@code RechargeViewTest} so
 * the feature's tests stay together.
 */
class RechargeViewEmergencyCreditTest extends KaribuTest {

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

    private Household household;

    @BeforeEach
    void pricedHouseholdPickedByTheClerk() {
        RechargeUiFixtures fixtures = new RechargeUiFixtures(meters, structure, tariffs, users, clock);
        household = fixtures.household("A", "李四" + UUID.randomUUID().toString().substring(0, 4));
        fixtures.flatPrice("0.5000", household.meterId());
        login("clerk");
        navigateTo("recharge");
        _setValue(_get(TextField.class, spec -> spec.withId(HouseholdSearch.TEXT_ID)), household.room());
        Grid<MeterRow> grid = searchGrid();
        grid.select(GridKt._fetch(grid, 0, GridKt._size(grid)).getFirst());
    }

    @Test
    void the_page_offers_the_credit_and_grants_it_once_after_confirmation() {
        assertThat(status()).isEqualTo(
                "Emergency credit of 10.00 kWh available: use now, repaid by the next paid recharge.");
        assertThat(grantButton().isEnabled()).isTrue();

        _click(grantButton());
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        ConfirmDialogKt._fireConfirm(dialog);
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(recharges.ordersOf(household.meterId())).singleElement().satisfies(order -> {
            assertThat(order.payment().method()).isEqualTo(PaymentMethod.EMERGENCY);
            assertThat(order.amount()).isEqualTo(Money.ZERO);
            assertThat(order.kwh()).isEqualTo(Kwh.of("10.00"));
        });
        assertThat(status()).startsWith("Emergency credit taken: 10.00 kWh owed (since ")
                .endsWith("), repaid by the next paid recharge.");
        assertThat(grantButton().isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.BALANCE_ID)).getText())
                .isEqualTo("Balance: 0.00 yuan, 10.00 kWh");
        // The emergency order is selected as the latest, and it cannot be cancelled.
        assertThat(_get(Button.class, spec -> spec.withId(RechargeOrders.CANCEL_ID)).isEnabled()).isFalse();
    }

    @Test
    void while_owed_the_preview_shows_the_repayment_and_the_order_sends_the_rest() {
        _click(grantButton());
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        TextField amount = _get(TextField.class, spec -> spec.withId(RechargeForm.AMOUNT_ID));
        _setValue(amount, "100");
        assertThat(_get(Span.class, spec -> spec.withId(RechargeForm.PREVIEW_ID)).getText()).isEqualTo(
                "= 200.00 kWh at 0.5000 yuan/kWh (of which 10.00 kWh repay the emergency credit, 190.00 kWh go to the meter)");
        _click(_get(Button.class, spec -> spec.withId(RechargeForm.CONFIRM_ID)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        List<RechargeOrderView> orders = recharges.ordersOf(household.meterId());
        assertThat(orders).hasSize(2);
        assertThat(orders.getLast().kwh()).isEqualTo(Kwh.of("190.00"));
        assertThat(orders.getLast().emergencyRepaidKwh()).isEqualTo(Kwh.of("10.00"));
        assertThat(status()).startsWith("Emergency credit of 10.00 kWh available");
        _setValue(amount, "100");
        assertThat(_get(Span.class, spec -> spec.withId(RechargeForm.PREVIEW_ID)).getText())
                .isEqualTo("= 200.00 kWh at 0.5000 yuan/kWh");
    }

    @Test
    void a_clerk_cannot_pick_emergency_credit_as_a_payment_method() {
        @SuppressWarnings("unchecked")
        Select<PaymentMethod> method = _get(Select.class, spec -> spec.withId(RechargeForm.METHOD_ID));
        assertThat(method.getListDataView().getItems()).doesNotContain(PaymentMethod.EMERGENCY)
                .contains(PaymentMethod.CASH, PaymentMethod.ONLINE);
    }

    private static String status() {
        return _get(Span.class, spec -> spec.withId(EmergencyCreditPanel.STATUS_ID)).getText();
    }

    private static Button grantButton() {
        return _get(Button.class, spec -> spec.withId(EmergencyCreditPanel.GRANT_ID));
    }

    @SuppressWarnings("unchecked")
    private static Grid<MeterRow> searchGrid() {
        return _get(Grid.class, spec -> spec.withId(HouseholdSearch.GRID_ID));
    }
}
