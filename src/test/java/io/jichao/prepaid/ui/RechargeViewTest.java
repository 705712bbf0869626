package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PaymentMethod;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeOrderEvents;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffService;
import io.jichao.prepaid.ui.RechargeUiFixtures.Household;
import io.jichao.shared.DomainException;
import io.jichao.shared.Money;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;
import io.jichao.ui.MainLayout;

class RechargeViewTest extends KaribuTest {

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

    @Autowired
    private RechargeProgress progress;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private RechargeOrderEvents orderEvents;

    private RechargeUiFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new RechargeUiFixtures(meters, structure, tariffs, users, clock);
    }

    private Household pricedHousehold(String building) {
        Household household = fixtures.household(building, "张三" + UUID.randomUUID().toString().substring(0, 4));
        fixtures.flatPrice("0.5000", household.meterId());
        return household;
    }

    @SuppressWarnings("unchecked")
    private static Grid<MeterRow> searchGrid() {
        return _get(Grid.class, spec -> spec.withId(HouseholdSearch.GRID_ID));
    }

    private static List<MeterRow> hits(String text) {
        _setValue(_get(TextField.class, spec -> spec.withId(HouseholdSearch.TEXT_ID)), text);
        Grid<MeterRow> grid = searchGrid();
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    private void openAsClerkAndPick(Household household) {
        login("clerk");
        navigateTo("recharge");
        MeterRow row = hits(household.room()).getFirst();
        searchGrid().select(row);
    }

    private static TextField amountField() {
        return _get(TextField.class, spec -> spec.withId(RechargeForm.AMOUNT_ID));
    }

    private static void clickConfirm() {
        _click(_get(Button.class, spec -> spec.withId(RechargeForm.CONFIRM_ID)));
    }

    private List<RechargeOrderView> ordersOf(Household household) {
        return recharges.ordersOf(household.meterId());
    }

    @Test
    void finds_a_household_by_room_phone_and_meter_address() {
        Household household = pricedHousehold("A");
        login("clerk");
        navigateTo("recharge");

        assertThat(hits(household.room())).extracting(MeterRow::id).containsExactly(household.meterId());
        assertThat(hits(household.phone())).extracting(MeterRow::id).containsExactly(household.meterId());
        assertThat(hits(household.address())).extracting(MeterRow::id).containsExactly(household.meterId());
        assertThat(hits(household.name())).extracting(MeterRow::householdName).containsOnly(household.name());
    }

    @Test
    void a_clerk_does_not_find_a_meter_of_another_district_and_the_service_refuses_it() {
        Household elsewhere = pricedHousehold("C");
        login("clerk");
        navigateTo("recharge");

        assertThat(hits(elsewhere.room())).isEmpty();
        assertThat(hits(elsewhere.phone())).isEmpty();
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(elsewhere.meterId(),
                RechargeAmount.of(Money.of("10.00")), Payment.cash(), UUID.randomUUID().toString())))
                .isInstanceOf(DomainException.class);
        LoginSupport.loginAs(users, "super");
        assertThat(recharges.ordersOf(elsewhere.meterId())).isEmpty();
    }

    @Test
    void recharge_is_refused_on_picking_a_meter_that_cannot_hold_credit_and_no_order_can_be_placed() {
        Household old = pricedHousehold("A");
        // Data from before the rule: a PREPAID meter whose protocol is DL/T 645-1997.
        jdbc.update("UPDATE meter SET protocol = 'DLT645_1997' WHERE id = ?", old.meterId());

        openAsClerkAndPick(old);

        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.REFUSAL_ID)).getText())
                .contains(old.address(), "DL/T 645-1997", "cannot receive a recharge");
        assertThat(amountField().isEnabled()).isFalse();
        assertThat(recharges.ordersOf(old.meterId())).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recharge_order WHERE meter_id = ?", Integer.class,
                old.meterId())).isZero();
    }

    @Test
    void a_meter_that_can_hold_credit_shows_no_refusal() {
        openAsClerkAndPick(pricedHousehold("A"));

        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.REFUSAL_ID)).getText()).isEmpty();
        assertThat(amountField().isEnabled()).isTrue();
    }

    @Test
    void bad_amounts_each_show_a_clear_message_and_place_no_order() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        List<String[]> cases = List.of(
                new String[] {"-5", "The amount cannot be negative."},
                new String[] {"0", "The amount must be greater than zero."},
                new String[] {"100000.01", "The amount is larger than the limit of 100000.00 yuan."},
                new String[] {"abc", "“abc” is not an amount of money."},
                new String[] {"1.234", "An amount has at most 2 decimals."});

        for (String[] typed : cases) {
            _setValue(amountField(), typed[0]);
            clickConfirm();

            assertThat(amountField().isInvalid()).as(typed[0]).isTrue();
            assertThat(amountField().getErrorMessage()).as(typed[0]).isEqualTo(typed[1]);
            _assertNone(ConfirmDialog.class);
        }
        assertThat(ordersOf(household)).isEmpty();
    }

    @Test
    void bad_energy_is_refused_too_when_typing_kwh() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        unit(RechargeForm.Unit.KWH);

        _setValue(amountField(), "2.555");
        clickConfirm();

        assertThat(amountField().getErrorMessage()).isEqualTo("Energy has at most 2 decimals.");
        _assertNone(ConfirmDialog.class);
        assertThat(ordersOf(household)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void unit(RechargeForm.Unit unit) {
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId(RechargeForm.UNIT_ID)), unit);
    }

    @Test
    void money_shows_the_kwh_it_buys_and_kwh_shows_its_price() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);

        _setValue(amountField(), "100");
        assertThat(preview()).isEqualTo("= 200.00 kWh at 0.5000 yuan/kWh");

        unit(RechargeForm.Unit.KWH);
        _setValue(amountField(), "15");
        assertThat(preview()).isEqualTo("= 7.50 yuan at 0.5000 yuan/kWh");
    }

    private static String preview() {
        return _get(Span.class, spec -> spec.withId(RechargeForm.PREVIEW_ID)).getText();
    }

    @Test
    void confirm_places_exactly_one_order_even_when_clicked_twice() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        _setValue(amountField(), "50");
        clickConfirm();
        ConfirmDialog dialog = _get(ConfirmDialog.class);

        ConfirmDialogKt._fireConfirm(dialog);
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(ordersOf(household)).singleElement().satisfies(order -> {
            assertThat(order.amount()).isEqualTo(Money.of("50.00"));
            assertThat(order.state()).isEqualTo(RechargeState.CREATED);
        });
        RechargeOrderView order = ordersOf(household).getFirst();
        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.STATE_ID)).getText())
                .isEqualTo("Order " + order.id() + ": Created");
        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.BALANCE_ID)).getText())
                .isEqualTo("Balance: 50.00 yuan, 100.00 kWh");
        assertThat(amountField().getValue()).isEmpty();
        assertThat(_get(Anchor.class, spec -> spec.withId(ReceiptLinks.DOWNLOAD_ID)).isEnabled()).isTrue();
        assertThat(_get(Anchor.class, spec -> spec.withId(ReceiptLinks.PRINT_ID)).isEnabled()).isTrue();
    }

    @Test
    void the_next_recharge_after_a_success_is_a_new_order() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        for (String amount : List.of("20", "20")) {
            _setValue(amountField(), amount);
            clickConfirm();
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        }

        assertThat(ordersOf(household)).hasSize(2).extracting(RechargeOrderView::idempotencyKey).doesNotHaveDuplicates();
    }

    @Test
    void an_online_payment_needs_its_reference_and_keeps_it_on_the_order() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        _setValue(amountField(), "30");
        selectMethod(PaymentMethod.ONLINE);

        clickConfirm();
        TextField reference = _get(TextField.class, spec -> spec.withId(RechargeForm.REFERENCE_ID));
        assertThat(reference.isInvalid()).isTrue();
        assertThat(reference.getErrorMessage()).isEqualTo("An online payment needs its payment reference.");
        _assertNone(ConfirmDialog.class);

        _setValue(reference, "WX20261201-0001");
        clickConfirm();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(ordersOf(household)).singleElement().extracting(RechargeOrderView::payment)
                .isEqualTo(new Payment(PaymentMethod.ONLINE, "WX20261201-0001"));
    }

    @SuppressWarnings("unchecked")
    private static void selectMethod(PaymentMethod method) {
        _setValue(_get(Select.class, spec -> spec.withId(RechargeForm.METHOD_ID)), method);
    }

    @Test
    void a_created_order_can_be_cancelled_from_the_recent_orders() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        _setValue(amountField(), "40");
        clickConfirm();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        _click(_get(Button.class, spec -> spec.withId(RechargeOrders.CANCEL_ID)));

        assertThat(ordersOf(household)).singleElement().extracting(RechargeOrderView::state)
                .isEqualTo(RechargeState.CANCELLED);
        assertThat(_get(Span.class, spec -> spec.withId(RechargeView.BALANCE_ID)).getText())
                .isEqualTo("Balance: 0.00 yuan, 0.00 kWh");
        assertThat(_get(Button.class, spec -> spec.withId(RechargeOrders.CANCEL_ID)).isEnabled()).isFalse();
    }

    @Test
    void the_page_does_not_poll_it_follows_the_chosen_meters_orders_and_stops_when_left() {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);

        assertThat(UI.getCurrent().getPollInterval()).as("no polling").isEqualTo(-1);
        assertThat(orderEvents.subscribers(household.meterId())).isEqualTo(1);

        navigateTo("");

        assertThat(orderEvents.subscribers(household.meterId())).isZero();
    }

    @Test
    void the_engines_reports_are_pushed_to_the_open_page_as_they_commit() throws InterruptedException {
        Household household = pricedHousehold("A");
        openAsClerkAndPick(household);
        _setValue(amountField(), "25");
        clickConfirm();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        long orderId = ordersOf(household).getFirst().id();

        // The engine reports from a thread of its own, like the collection engine's delivery.
        Thread.ofVirtual().start(() -> progress.markSent(orderId)).join();
        awaitState("Order " + orderId + ": Sent to the meter");
        Thread.ofVirtual().start(() -> progress.markConfirmed(orderId)).join();
        awaitState("Order " + orderId + ": Confirmed");

        assertThat(_get(Button.class, spec -> spec.withId(RechargeOrders.CANCEL_ID)).isEnabled()).isFalse();
    }

    /** Runs the pushed UI.access tasks as round trips would, until the state shows (or 5 s pass). */
    private void awaitState(String expected) throws InterruptedException {
        Span state = _get(Span.class, spec -> spec.withId(RechargeView.STATE_ID));
        for (int i = 0; i < 100 && !expected.equals(state.getText()); i++) {
            Thread.sleep(50);
            MockVaadin.clientRoundtrip(false);
        }
        assertThat(state.getText()).isEqualTo(expected);
    }

    private static List<String> navigationPaths() {
        SideNav nav = _get(SideNav.class, spec -> spec.withId(MainLayout.NAV_ID));
        return nav.getItems().stream().map(SideNavItem::getPath).toList();
    }

    @Test
    void the_recharge_page_is_in_a_clerks_navigation() {
        login("clerk");
        navigateTo("");

        assertThat(navigationPaths()).contains("recharge");
    }

    @Test
    void the_recharge_page_is_not_in_a_maintainers_navigation() {
        login("maint");
        navigateTo("");

        assertThat(navigationPaths()).doesNotContain("recharge");
    }

    @Test
    void a_maintainer_cannot_open_the_recharge_page_and_the_service_refuses() {
        Household household = pricedHousehold("A");
        login("maint");

        Throwable refusal = catchThrowable(() -> navigateTo("recharge"));

        assertThat(refusal).isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(RechargeView.class)).isEmpty();
        assertThatThrownBy(() -> recharges.priceFor(household.meterId()))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
    }

    @Test
    void finance_cannot_open_the_recharge_page_nor_place_an_order() {
        Household household = pricedHousehold("A");
        login("finance");

        assertThat(catchThrowable(() -> navigateTo("recharge"))).isInstanceOf(MockAccessDeniedException.class);
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(household.meterId(),
                RechargeAmount.of(Money.of("10.00")), Payment.cash(), UUID.randomUUID().toString())))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
    }
}
