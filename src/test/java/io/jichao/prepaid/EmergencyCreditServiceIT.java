package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Emergency credit on MariaDB: taken once, repaid by paid recharges, refused where it does not apply. */
@JichaoSpringTest
class EmergencyCreditServiceIT {

    private static final Kwh CREDIT = Kwh.of("10.00");

    @Autowired
    private EmergencyCreditService emergency;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RefundService refunds;
    @Autowired
    private ReceiptService receipts;
    @Autowired
    private SalesReportService sales;
    @Autowired
    private AccountService accounts;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;

    private PrepaidFixtures fixtures;
    private long meterId;

    @BeforeEach
    void ownPrepaidMeterAtHalfAYuan() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        meterId = fixtures.meter("A", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterId);
        LoginSupport.loginAs(users, "clerk");
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void taking_the_credit_places_a_free_order_with_its_ledger_entry_and_audit_event() {
        assertThat(emergency.status(meterId)).isEqualTo(new EmergencyCreditStatus(CREDIT, Kwh.ZERO, null, null));
        assertThat(emergency.status(meterId).available()).isTrue();

        RechargeOrderView order = emergency.take(meterId, PrepaidFixtures.key());

        assertThat(order.state()).isEqualTo(RechargeState.CREATED);
        assertThat(order.amount()).isEqualTo(Money.ZERO);
        assertThat(order.kwh()).isEqualTo(CREDIT);
        assertThat(order.payment()).isEqualTo(new Payment(PaymentMethod.EMERGENCY, null));
        assertThat(order.isEmergencyCredit()).isTrue();
        assertThat(accounts.ledgerOfMeter(meterId)).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LedgerKind.EMERGENCY_CREDIT);
            assertThat(line.amount()).isEqualTo(Money.ZERO);
            assertThat(line.kwh()).isEqualTo(CREDIT);
            assertThat(line.orderId()).isEqualTo(order.id());
        });
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(new AccountBalance(Money.ZERO, CREDIT));
        EmergencyCreditStatus owing = emergency.status(meterId);
        assertThat(owing.owed()).isEqualTo(CREDIT);
        assertThat(owing.orderId()).isEqualTo(order.id());
        // Stored to the millisecond.
        assertThat(owing.takenAt()).isCloseTo(order.createdAt(), within(1, ChronoUnit.MILLIS));
        assertThat(owing.available()).isFalse();
        assertThat(audit.byAction(EmergencyCreditService.TAKE)).anySatisfy(event -> {
            assertThat(event.getOperatorUsername()).isEqualTo("clerk");
            assertThat(event.getTarget()).isEqualTo("meter " + meterId);
            assertThat(event.getDetails()).startsWith("order " + order.id() + " 10.00 kWh emergency credit");
        });
    }

    @Test
    void a_second_take_is_refused_while_owed_and_a_double_click_is_one_grant() {
        String key = PrepaidFixtures.key();
        RechargeOrderView first = emergency.take(meterId, key);
        assertThat(emergency.take(meterId, key.toUpperCase(Locale.ROOT)).id()).isEqualTo(first.id());

        assertThatThrownBy(() -> emergency.take(meterId, PrepaidFixtures.key()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.emergency.owed");
        assertThat(accounts.ledgerOfMeter(meterId)).hasSize(1);
        assertThat(recharges.ordersOf(meterId)).hasSize(1);
        assertThat(audit.byAction(EmergencyCreditService.TAKE)).anySatisfy(event -> {
            assertThat(event.getOutcome()).isEqualTo(Outcome.REFUSED);
            assertThat(event.getTarget()).isEqualTo("meter " + meterId);
            assertThat(event.getDetails()).isEqualTo("error.emergency.owed");
        });
        // A paid recharge's key is not an emergency grant, whatever the client sends.
        String paidKey = PrepaidFixtures.key();
        recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("1")), Payment.cash(), paidKey));
        assertThatThrownBy(() -> emergency.take(meterId, paidKey))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.key.reused");
    }

    @Test
    void the_next_paid_recharge_repays_the_credit_and_sends_the_meter_the_rest() {
        emergency.take(meterId, PrepaidFixtures.key());
        String key = PrepaidFixtures.key();

        RechargeOrderView paid = recharges.placeOrder(byEnergy("100.00", key));

        assertThat(paid.amount()).isEqualTo(Money.of("50.00"));
        assertThat(paid.kwh()).isEqualTo(Kwh.of("90.00"));
        assertThat(paid.emergencyRepaidKwh()).isEqualTo(CREDIT);
        assertThat(paid.purchasedKwh()).isEqualTo(Kwh.of("100.00"));
        assertThat(paid.state()).isEqualTo(RechargeState.CREATED);
        assertThat(recharges.placeOrder(byEnergy("100.00", key)).id()).isEqualTo(paid.id());
        assertThat(accounts.ledgerOfMeter(meterId)).extracting(LedgerLine::kind, LedgerLine::amount, LedgerLine::kwh)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.EMERGENCY_CREDIT, Money.ZERO, CREDIT),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.RECHARGE, Money.of("50.00"), Kwh.of("100.00")),
                        org.assertj.core.groups.Tuple.tuple(LedgerKind.EMERGENCY_REPAYMENT, Money.ZERO, Kwh.of("-10.00")));
        // The meter holds the 10 lent and the 90 sent: the 100 bought.
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(new AccountBalance(Money.of("50.00"), Kwh.of("100.00")));
        assertThat(emergency.status(meterId).available()).isTrue();
        assertThat(audit.byAction("RECHARGE_PLACE")).anySatisfy(event -> assertThat(event.getDetails())
                .startsWith("order " + paid.id() + " ").endsWith("10.00 kWh repay the emergency credit"));
        // Repaid, it may be taken again.
        assertThat(emergency.take(meterId, PrepaidFixtures.key()).kwh()).isEqualTo(CREDIT);
    }

    @Test
    void a_purchase_smaller_than_the_credit_repays_part_of_it_and_the_rest_stays_owed() {
        emergency.take(meterId, PrepaidFixtures.key());

        RechargeOrderView small = recharges.placeOrder(byMoney("2.00"));

        assertThat(small.kwh()).isEqualTo(Kwh.ZERO);
        assertThat(small.emergencyRepaidKwh()).isEqualTo(Kwh.of("4.00"));
        // Nothing to send to the meter: the order is done at once.
        assertThat(small.state()).isEqualTo(RechargeState.CONFIRMED);
        assertThat(progress.awaitingDelivery(1000)).extracting(RechargeInstruction::orderId).doesNotContain(small.id());
        assertThat(emergency.status(meterId).owed()).isEqualTo(Kwh.of("6.00"));
        assertThatThrownBy(() -> emergency.take(meterId, PrepaidFixtures.key()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.emergency.owed");

        RechargeOrderView next = recharges.placeOrder(byMoney("10.00"));

        assertThat(next.kwh()).isEqualTo(Kwh.of("14.00"));
        assertThat(next.emergencyRepaidKwh()).isEqualTo(Kwh.of("6.00"));
        assertThat(emergency.status(meterId).owed()).isEqualTo(Kwh.ZERO);
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(new AccountBalance(Money.of("12.00"), Kwh.of("24.00")));
    }

    @Test
    void cancelling_a_recharge_that_repaid_the_credit_makes_it_owed_again() {
        emergency.take(meterId, PrepaidFixtures.key());
        RechargeOrderView paid = recharges.placeOrder(byMoney("50.00"));

        recharges.cancel(paid.id());

        assertThat(emergency.status(meterId).owed()).isEqualTo(CREDIT);
        assertThat(accounts.ledgerOfMeter(meterId)).extracting(LedgerLine::kind).containsExactly(
                LedgerKind.EMERGENCY_CREDIT, LedgerKind.RECHARGE, LedgerKind.EMERGENCY_REPAYMENT,
                LedgerKind.REVERSAL, LedgerKind.EMERGENCY_REINSTATED);
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(new AccountBalance(Money.ZERO, CREDIT));
        // The whole purchase is reversed, so a stepped tariff would not count it as bought this month.
        assertThat(recharges.placeOrder(byMoney("5.00")).emergencyRepaidKwh()).isEqualTo(CREDIT);
    }

    @Test
    void an_emergency_credit_is_no_sale_cannot_be_cancelled_and_cannot_be_refunded() {
        var today = new SalesReportService.Period.Day(fixtures.today());
        SalesReportService.Figures before = sales.report(today).totals();
        RechargeOrderView lent = emergency.take(meterId, PrepaidFixtures.key());

        assertThat(sales.report(today).totals()).isEqualTo(before);
        assertThatThrownBy(() -> recharges.cancel(lent.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.emergency.cancel");
        progress.markSent(lent.id());
        assertThatThrownBy(() -> refunds.request(new RefundDraft(lent.id(), Money.ZERO, Kwh.of("1.00"), "mistake",
                PrepaidFixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.refund.emergency");
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Money.of("5")),
                new Payment(PaymentMethod.EMERGENCY, null), PrepaidFixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.method.emergency");
        assertThat(emergency.status(meterId).owed()).isEqualTo(CREDIT);
    }

    @Test
    void the_receipt_of_a_repaying_recharge_shows_the_purchase_and_the_repayment() throws Exception {
        emergency.take(meterId, PrepaidFixtures.key());
        RechargeOrderView paid = recharges.placeOrder(byMoney("50.00"));

        try (PDDocument document = Loader.loadPDF(receipts.receiptPdf(paid.id(), Locale.ENGLISH))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Energy bought", "100.00 kWh", "Emergency repaid", "10.00 kWh",
                    "90.00 kWh");
        }
    }

    @Test
    void the_credit_is_refused_for_a_postpaid_meter() {
        long postpaid = fixtures.meter("A", BillingMode.POSTPAID);
        fixtures.flatGroup("0.5000", postpaid);
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> emergency.status(postpaid))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.not.prepaid");
        assertThatThrownBy(() -> emergency.take(postpaid, PrepaidFixtures.key()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.not.prepaid");
        assertThat(recharges.ordersOf(postpaid)).isEmpty();
    }

    @Test
    void the_credit_is_refused_outside_the_district_and_without_the_recharge_right() {
        long meterInC = fixtures.meter("C", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterInC);
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> emergency.take(meterInC, PrepaidFixtures.key()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.meter.not.found");
        assertThatThrownBy(() -> emergency.status(meterInC))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.meter.not.found");
        LoginSupport.loginAs(users, "finance");
        assertThatThrownBy(() -> emergency.take(meterId, PrepaidFixtures.key()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        LoginSupport.loginAs(users, "super");
        assertThat(recharges.ordersOf(meterInC)).isEmpty();
        assertThat(recharges.ordersOf(meterId)).isEmpty();
    }

    @Test
    void clerks_granting_at_the_same_moment_grant_once() throws Exception {
        int clerks = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clerks);
        List<Future<Object>> results = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            for (int i = 0; i < clerks; i++) {
                String username = i % 2 == 0 ? "clerk" : "super";
                results.add(pool.submit(() -> {
                    LoginSupport.loginAs(users, username);
                    go.await();
                    try {
                        return emergency.take(meterId, PrepaidFixtures.key());
                    } catch (DomainException refused) {
                        return refused.messageKey();
                    } finally {
                        LoginSupport.logout();
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> result : results) {
                outcomes.add(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn(RechargeOrderView.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(String.class::isInstance).hasSize(clerks - 1)
                    .containsOnly("error.emergency.owed");
        } finally {
            pool.shutdownNow();
        }
        assertThat(accounts.ledgerOfMeter(meterId)).singleElement()
                .extracting(LedgerLine::kind).isEqualTo(LedgerKind.EMERGENCY_CREDIT);
        assertThat(emergency.status(meterId).owed()).isEqualTo(CREDIT);
    }

    private RechargeRequest byMoney(String yuan) {
        return new RechargeRequest(meterId, RechargeAmount.of(Money.of(yuan)), Payment.cash(), PrepaidFixtures.key());
    }

    private RechargeRequest byEnergy(String kwh, String key) {
        return new RechargeRequest(meterId, RechargeAmount.of(Kwh.of(kwh)), Payment.cash(), key);
    }
}
