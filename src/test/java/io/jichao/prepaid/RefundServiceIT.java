package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.security.OperatorService;
import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Refunds after delivery on MariaDB: request by a clerk, four-eyes decision by finance, one REFUND entry. */
@JichaoSpringTest
class RefundServiceIT {

    @Autowired
    private RefundService refunds;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private AccountService accounts;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private OperatorService operators;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;

    private long meterId;
    private RechargeOrderView order;

    @BeforeEach
    void confirmedOrder() {
        PrepaidFixtures fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        meterId = fixtures.meter("B", BillingMode.PREPAID);
        fixtures.flatGroup("0.8000", meterId);
        order = placeAsClerk();
        progress.markSent(order.id());
        progress.markConfirmed(order.id());
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void an_approved_refund_writes_one_refund_entry_and_the_balance_drops_by_it() {
        LoginSupport.loginAs(users, "clerk");
        AccountBalance before = accounts.balanceOfMeter(meterId);
        RefundView requested = refunds.request(draft("5.00", "2.00"));
        assertThat(requested.state()).isEqualTo(RefundState.REQUESTED);
        assertThat(refundEntries()).isEmpty();

        LoginSupport.loginAs(users, "finance");
        assertThat(refunds.pending()).extracting(RefundView::id).contains(requested.id());
        RefundView approved = refunds.approve(requested.id(), "checked the receipt");
        RefundView again = refunds.approve(requested.id(), "double click");

        assertThat(approved.state()).isEqualTo(RefundState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("finance");
        assertThat(again.state()).isEqualTo(RefundState.APPROVED);
        List<LedgerLine> entries = refundEntries();
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry.amount()).isEqualTo(Money.of("-5.00"));
            assertThat(entry.kwh()).isEqualTo(Kwh.of("-2.00"));
            assertThat(entry.operatorUsername()).isEqualTo("finance");
            assertThat(entry.memo()).contains("meter still holds 2.00 kWh");
        });
        AccountBalance after = accounts.balanceOfMeter(meterId);
        assertThat(after.money()).isEqualTo(before.money().minus(Money.of("5.00")));
        assertThat(refunds.pending()).extracting(RefundView::id).doesNotContain(requested.id());
        assertThat(audit.byAction("REFUND_REQUEST")).anySatisfy(event ->
                assertThat(event.getDetails()).contains("refund " + requested.id() + " of order " + order.id()));
        assertThat(audit.byAction("REFUND_APPROVE")).anySatisfy(event -> {
            assertThat(event.getOperatorUsername()).isEqualTo("finance");
            assertThat(event.getDetails()).contains("refund " + requested.id(), "the meter still holds them");
        });
    }

    @Test
    void the_operator_who_asked_cannot_approve_the_refund() {
        LoginSupport.loginAs(users, "super");
        RefundView requested = refunds.request(draft("3.00", "0"));

        assertThatThrownBy(() -> refunds.approve(requested.id(), "mine"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.refund.four.eyes");
        assertThat(refundEntries()).isEmpty();
        LoginSupport.loginAs(users, "finance");
        assertThat(refunds.approve(requested.id(), null).state()).isEqualTo(RefundState.APPROVED);
    }

    @Test
    void a_clerk_cannot_approve_a_refund() {
        LoginSupport.loginAs(users, "clerk");
        RefundView requested = refunds.request(draft("3.00", "0"));
        LoginSupport.loginAs(users, "clerk2");

        assertThatThrownBy(() -> refunds.approve(requested.id(), "ok"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.permission.denied");
        assertThat(refundEntries()).isEmpty();
    }

    @Test
    void more_money_than_the_order_paid_is_refused() {
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> refunds.request(draft("8.01", "0")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.refund.too.much");
        assertThatThrownBy(() -> refunds.request(draft("1.00", "10.01")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.refund.kwh.too.much");
        assertThat(refunds.request(draft("8.00", "10.00")).state()).isEqualTo(RefundState.REQUESTED);
    }

    @Test
    void a_request_needs_a_reason_and_an_order_gets_one_refund_at_a_time() {
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> refunds.request(new RefundDraft(order.id(), Money.of("1.00"), Kwh.ZERO, " ",
                PrepaidFixtures.key()))).isInstanceOf(DomainException.class)
                .extracting("messageKey").isEqualTo("error.required");
        String key = PrepaidFixtures.key();
        RefundView first = refunds.request(new RefundDraft(order.id(), Money.of("1.00"), Kwh.ZERO, "typo", key));

        assertThat(refunds.request(new RefundDraft(order.id(), Money.of("1.00"), Kwh.ZERO, "typo", key)).id())
                .isEqualTo(first.id());
        assertThatThrownBy(() -> refunds.request(draft("1.00", "0")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.refund.already");
    }

    @Test
    void an_order_not_yet_sent_must_be_cancelled_instead() {
        RechargeOrderView waiting = placeAsClerk();
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> refunds.request(new RefundDraft(waiting.id(), Money.of("1.00"), Kwh.ZERO, "wrong meter",
                PrepaidFixtures.key()))).isInstanceOf(DomainException.class)
                .extracting("messageKey").isEqualTo("error.refund.cancel.instead");
    }

    @Test
    void two_finance_operators_approving_at_once_give_one_entry() throws Exception {
        LoginSupport.loginAs(users, "clerk");
        RefundView requested = refunds.request(draft("4.00", "5.00"));
        LoginSupport.logout();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch ready = new CountDownLatch(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<RefundState>> calls = List.of("finance", "super", "finance", "super").stream()
                    .<Callable<RefundState>>map(username -> () -> {
                        LoginSupport.loginAs(users, username);
                        try {
                            ready.countDown();
                            go.await();
                            return refunds.approve(requested.id(), "ok").state();
                        } finally {
                            LoginSupport.logout();
                        }
                    }).toList();
            List<Future<RefundState>> results = calls.stream().map(pool::submit).toList();
            ready.await(10, TimeUnit.SECONDS);
            go.countDown();
            for (Future<RefundState> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS)).isEqualTo(RefundState.APPROVED);
            }
        } finally {
            pool.shutdownNow();
        }
        LoginSupport.loginAs(users, "clerk");
        assertThat(refundEntries()).singleElement()
                .satisfies(entry -> assertThat(entry.amount()).isEqualTo(Money.of("-4.00")));
        assertThat(audit.byAction("REFUND_APPROVE")).filteredOn(event -> event.getDetails().startsWith(
                "refund " + requested.id() + " ")).hasSize(1);
    }

    @Test
    void a_rejected_refund_writes_nothing_to_the_ledger() {
        LoginSupport.loginAs(users, "clerk");
        AccountBalance before = accounts.balanceOfMeter(meterId);
        RefundView requested = refunds.request(draft("2.00", "0"));
        LoginSupport.loginAs(users, "finance");

        assertThatThrownBy(() -> refunds.reject(requested.id(), " "))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.required");
        RefundView rejected = refunds.reject(requested.id(), "no receipt shown");
        assertThatThrownBy(() -> refunds.approve(requested.id(), "changed my mind"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.refund.decided");

        assertThat(rejected.state()).isEqualTo(RefundState.REJECTED);
        assertThat(rejected.decisionComment()).isEqualTo("no receipt shown");
        assertThat(refundEntries()).isEmpty();
        LoginSupport.loginAs(users, "clerk");
        assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(before.money());
        assertThat(audit.byAction("REFUND_REJECT")).anySatisfy(event ->
                assertThat(event.getDetails()).contains("refund " + requested.id(), "no receipt shown"));
        // A rejected request leaves the order open for a corrected one.
        assertThat(refunds.request(draft("1.00", "0")).state()).isEqualTo(RefundState.REQUESTED);
    }

    @Test
    void clerks_and_finance_act_only_inside_their_district() {
        LoginSupport.loginAs(users, "clerk2");
        assertThatThrownBy(() -> refunds.request(draft("1.00", "0")))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.recharge.not.found");
        assertThat(refunds.findOrders(String.valueOf(order.id()))).isEmpty();

        LoginSupport.loginAs(users, "clerk");
        assertThat(refunds.findOrders(String.valueOf(order.id()))).extracting(RechargeOrderView::id)
                .containsExactly(order.id());
        RefundView requested = refunds.request(draft("1.00", "0"));
        assertThat(refunds.recent()).extracting(RefundView::id).contains(requested.id());
        LoginSupport.loginAs(users, "clerk2");
        assertThat(refunds.recent()).extracting(RefundView::id).doesNotContain(requested.id());

        String financeOfC = financeOfBuilding("C");
        LoginSupport.loginAs(users, financeOfC);
        assertThat(refunds.pending()).extracting(RefundView::id).doesNotContain(requested.id());
        assertThatThrownBy(() -> refunds.approve(requested.id(), "ok"))
                .isInstanceOf(DomainException.class).extracting("messageKey").isEqualTo("error.recharge.not.found");
        assertThat(refundEntries()).isEmpty();
    }

    private RechargeOrderView placeAsClerk() {
        LoginSupport.loginAs(users, "clerk");
        RechargeOrderView placed = recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("8")),
                Payment.cash(), PrepaidFixtures.key()));
        LoginSupport.logout();
        return placed;
    }

    private RefundDraft draft(String money, String kwh) {
        return new RefundDraft(order.id(), Money.of(money), new Kwh(new java.math.BigDecimal(kwh)), "meter replaced",
                PrepaidFixtures.key());
    }

    private List<LedgerLine> refundEntries() {
        var previous = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        LoginSupport.loginAs(users, "super");
        try {
            return accounts.ledgerOfMeter(meterId).stream()
                    .filter(line -> line.kind() == LedgerKind.REFUND && order.id() == line.orderId()).toList();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    private String financeOfBuilding(String code) {
        LoginSupport.loginAs(users, "super");
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().id();
        String username = "fin." + UUID.randomUUID().toString().substring(0, 8);
        operators.create(new OperatorDraft(username, "Finance " + username, Set.of(Role.FINANCE), false,
                Set.of(buildingId), Set.of(), null), "Start2026x");
        return username;
    }
}
