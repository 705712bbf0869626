package io.jichao.prepaid.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Clock;
import java.util.UUID;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.AccountService;
import io.jichao.prepaid.LedgerKind;
import io.jichao.prepaid.LedgerLine;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RefundDraft;
import io.jichao.prepaid.RefundService;
import io.jichao.prepaid.RefundState;
import io.jichao.prepaid.RefundView;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.KaribuTest;
import io.jichao.testing.LoginSupport;

class RefundsViewTest extends KaribuTest {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RefundService refunds;
    @Autowired
    private AccountService accounts;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;

    private RechargeUiFixtures.Household household;
    private RechargeOrderView order;

    @BeforeEach
    void aDeliveredOrderOfTwentyFiveYuan() {
        RechargeUiFixtures fixtures = new RechargeUiFixtures(meters, structure, tariffs, users, clock);
        household = fixtures.household("A", "Refund view");
        fixtures.flatPrice("0.5000", household.meterId());
        LoginSupport.loginAs(users, "clerk");
        order = recharges.placeOrder(new RechargeRequest(household.meterId(), RechargeAmount.of(Money.of("25.00")),
                Payment.cash(), UUID.randomUUID().toString()));
        LoginSupport.logout();
        progress.markSent(order.id());
        progress.markConfirmed(order.id());
    }

    @Test
    void a_clerk_asking_for_more_than_was_paid_sees_why_on_the_amount_then_files_the_request() {
        login("clerk");
        navigateTo("prepaid/refunds");
        _setValue(_get(TextField.class, spec -> spec.withId(RefundRequestForm.SEARCH_ID)), household.address());
        _click(_get(Button.class, spec -> spec.withId(RefundRequestForm.FIND_ID)));
        Grid<RechargeOrderView> found = orders();
        assertThat(found.getListDataView().getItems().map(RechargeOrderView::id)).containsExactly(order.id());
        found.select(found.getListDataView().getItems().findFirst().orElseThrow());
        TextField amount = _get(TextField.class, spec -> spec.withId(RefundRequestForm.AMOUNT_ID));
        assertThat(amount.getValue()).isEqualTo("25.00");

        _setValue(amount, "30.00");
        _setValue(_get(TextArea.class, spec -> spec.withId(RefundRequestForm.REASON_ID)), "paid twice");
        _click(_get(Button.class, spec -> spec.withId(RefundRequestForm.SUBMIT_ID)));

        assertThat(amount.isInvalid()).isTrue();
        assertThat(amount.getErrorMessage()).isEqualTo("At most 25.00 yuan of this order can still be refunded.");
        assertThat(recent().getListDataView().getItems().map(RefundView::orderId)).doesNotContain(order.id());

        _setValue(amount, "abc");
        _click(_get(Button.class, spec -> spec.withId(RefundRequestForm.SUBMIT_ID)));
        assertThat(amount.isInvalid()).isTrue();

        _setValue(amount, "10.00");
        _click(_get(Button.class, spec -> spec.withId(RefundRequestForm.SUBMIT_ID)));

        assertThat(amount.isInvalid()).isFalse();
        assertThat(recent().getListDataView().getItems().filter(r -> r.orderId() == order.id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.amount()).isEqualTo(Money.of("10.00"));
                    assertThat(r.state()).isEqualTo(RefundState.REQUESTED);
                    assertThat(r.requestedBy()).isEqualTo("clerk");
                });
    }

    @Test
    void finance_approves_a_pending_request_and_the_ledger_gets_the_refund() {
        LoginSupport.loginAs(users, "clerk");
        RefundView requested = refunds.request(new RefundDraft(order.id(), Money.of("10.00"), Kwh.of("20.00"),
                "moved out", UUID.randomUUID().toString()));
        login("finance");
        navigateTo("prepaid/refunds");
        Grid<RefundView> pending = pending();
        pending.select(pending.getListDataView().getItems().filter(r -> r.id() == requested.id()).findFirst().orElseThrow());
        _setValue(_get(TextField.class, spec -> spec.withId(RefundDecisionForm.COMMENT_ID)), "receipt checked");

        _click(_get(Button.class, spec -> spec.withId(RefundDecisionForm.APPROVE_ID)));

        assertThat(pending().getListDataView().getItems().map(RefundView::id)).doesNotContain(requested.id());
        assertThat(recent().getListDataView().getItems().filter(r -> r.id() == requested.id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.state()).isEqualTo(RefundState.APPROVED);
                    assertThat(r.decidedBy()).isEqualTo("finance");
                    assertThat(r.decisionComment()).isEqualTo("receipt checked");
                });
        assertThat(accounts.ledgerOfMeter(household.meterId()).stream().filter(l -> l.kind() == LedgerKind.REFUND))
                .singleElement().extracting(LedgerLine::amount).isEqualTo(Money.of("-10.00"));
    }

    @Test
    void a_maintainer_cannot_open_the_refunds_page() {
        login("maint");

        assertThat(catchThrowable(() -> navigateTo("prepaid/refunds"))).isInstanceOf(MockAccessDeniedException.class);
    }

    @SuppressWarnings("unchecked")
    private static Grid<RechargeOrderView> orders() {
        return _get(Grid.class, spec -> spec.withId(RefundRequestForm.ORDERS_ID));
    }

    @SuppressWarnings("unchecked")
    private static Grid<RefundView> pending() {
        return _get(Grid.class, spec -> spec.withId(RefundsView.PENDING_ID));
    }

    @SuppressWarnings("unchecked")
    private static Grid<RefundView> recent() {
        return _get(Grid.class, spec -> spec.withId(RefundsView.RECENT_ID));
    }
}
