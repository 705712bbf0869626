package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
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

@JichaoSpringTest
class RechargeServiceIT {

    @Autowired
    private RechargeService recharges;
    @Autowired
    private AccountService accounts;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeOrderRepository orders;
    @Autowired
    private JdbcTemplate jdbc;
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
    void placing_an_order_writes_the_order_the_ledger_entry_and_the_audit_event() {
        RechargeOrderView order = recharges.placeOrder(byMoney("50.00", fixtures.key()));

        assertThat(order.state()).isEqualTo(RechargeState.CREATED);
        assertThat(order.amount()).isEqualTo(Money.of("50.00"));
        assertThat(order.kwh()).isEqualTo(Kwh.of("100.00"));
        assertThat(order.price()).isEqualTo(PricePerKwh.of("0.5"));
        assertThat(order.createdBy()).isEqualTo("clerk");
        assertThat(accounts.ledgerOfMeter(meterId)).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(LedgerKind.RECHARGE);
            assertThat(line.amount()).isEqualTo(Money.of("50.00"));
            assertThat(line.kwh()).isEqualTo(Kwh.of("100.00"));
            assertThat(line.orderId()).isEqualTo(order.id());
            assertThat(line.operatorUsername()).isEqualTo("clerk");
        });
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(new AccountBalance(Money.of("50.00"), Kwh.of("100.00")));
        assertThat(audit.byAction("RECHARGE_PLACE")).anySatisfy(event -> {
            assertThat(event.getOperatorUsername()).isEqualTo("clerk");
            assertThat(event.getDetails()).startsWith("order " + order.id() + " 50.00 yuan 100.00 kWh");
        });
    }

    @Test
    void an_order_typed_as_energy_is_priced_at_the_current_tariff() {
        RechargeOrderView order = recharges.placeOrder(new RechargeRequest(meterId,
                RechargeAmount.of(Kwh.of("10.01")), new Payment(PaymentMethod.ONLINE, "WX-0001"), fixtures.key()));
        // 10.01 x 0.5 = 5.005, half up to 5.01.
        assertThat(order.amount()).isEqualTo(Money.of("5.01"));
        assertThat(order.payment()).isEqualTo(new Payment(PaymentMethod.ONLINE, "WX-0001"));
        assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(Money.of("5.01"));
    }

    @Test
    void balances_are_sums_of_several_orders_of_one_household() {
        recharges.placeOrder(byMoney("10.00", fixtures.key()));
        recharges.placeOrder(byMoney("20.50", fixtures.key()));
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(new AccountBalance(Money.of("30.50"), Kwh.of("61.00")));
    }

    @Test
    void a_repeated_submit_with_the_same_key_returns_the_same_order_and_credits_once() {
        String key = fixtures.key();
        RechargeOrderView first = recharges.placeOrder(byMoney("30", key));
        RechargeOrderView again = recharges.placeOrder(byMoney("30.00", key));
        LoginSupport.loginAs(users, "super");
        RechargeOrderView byAnotherClerk = recharges.placeOrder(byMoney("30", key));
        RechargeOrderView upperCase = recharges.placeOrder(byMoney("30", key.toUpperCase(Locale.ROOT)));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(byAnotherClerk.id()).isEqualTo(first.id());
        assertThat(upperCase.id()).isEqualTo(first.id());
        assertThat(accounts.ledgerOfMeter(meterId)).hasSize(1);
        assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(Money.of("30.00"));
    }

    @Test
    void the_same_key_with_different_details_is_refused() {
        String key = fixtures.key();
        recharges.placeOrder(byMoney("30", key));
        assertThatThrownBy(() -> recharges.placeOrder(byMoney("31", key)))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.key.reused");
        for (String bad : new String[] {"not-a-uuid", "1-2-3-4-5", "", null}) {
            assertThatThrownBy(() -> recharges.placeOrder(byMoney("30", bad)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.key.invalid");
        }
        assertThat(accounts.ledgerOfMeter(meterId)).hasSize(1);
    }

    @Test
    void recharge_is_refused_for_a_meter_outside_the_district() {
        long meterInC = fixtures.meter("C", BillingMode.PREPAID);
        fixtures.flatGroup("0.5000", meterInC);
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(meterInC,
                RechargeAmount.of(Money.of("10")), Payment.cash(), fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.meter.not.found");
        assertThat(orders.findByMeterIdOrderByIdAsc(meterInC)).isEmpty();
        assertThat(audit.byAction("RECHARGE_PLACE")).anySatisfy(event -> {
            assertThat(event.getOutcome()).isEqualTo(Outcome.REFUSED);
            assertThat(event.getOperatorUsername()).isEqualTo("clerk");
            assertThat(event.getTarget()).isEqualTo("meter " + meterInC);
            assertThat(event.getDetails()).isEqualTo("error.meter.not.found");
        });
    }

    @Test
    void preparing_a_recharge_is_refused_like_an_order_and_without_an_engine_audits_nothing() {
        long meterInC = fixtures.meter("C", BillingMode.PREPAID);
        long postpaid = fixtures.meter("A", BillingMode.POSTPAID);
        int auditedBefore = audit.byAction("RECHARGE_PREPARE").size();
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> recharges.prepareRecharge(meterInC))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.meter.not.found");
        assertThatThrownBy(() -> recharges.prepareRecharge(postpaid))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.not.prepaid");
        LoginSupport.loginAs(users, "maint");
        assertThatThrownBy(() -> recharges.prepareRecharge(meterId))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        LoginSupport.loginAs(users, "clerk");

        // This context runs no engine (jichao.collection.enabled=false): nothing to ask, nothing to audit.
        recharges.prepareRecharge(meterId);

        assertThat(audit.byAction("RECHARGE_PREPARE")).hasSize(auditedBefore);
    }

    @Test
    void a_stepped_tariff_prices_a_recharge_by_the_energy_bought_this_month() {
        long stepped = fixtures.meter("A", BillingMode.PREPAID);
        LoginSupport.loginAs(users, "finance");
        long group = tariffs.createGroup("stepped-recharge-" + stepped);
        tariffs.addVersion(group, fixtures.today(), TariffFixtures.stepped());
        tariffs.assignMeter(group, stepped);
        LoginSupport.loginAs(users, "clerk");

        RechargeOrderView first = recharges.placeOrder(new RechargeRequest(stepped,
                RechargeAmount.of(Money.of("100")), Payment.cash(), fixtures.key()));
        RechargeOrderView second = recharges.placeOrder(new RechargeRequest(stepped,
                RechargeAmount.of(Money.of("11")), Payment.cash(), fixtures.key()));

        // 100 / 0.50 = 200 kWh fills the first block; the next recharge is in the second block: 11 / 0.55 = 20.
        assertThat(first.kwh()).isEqualTo(Kwh.of("200.00"));
        assertThat(second.price()).isEqualTo(PricePerKwh.of("0.5500"));
        assertThat(second.kwh()).isEqualTo(Kwh.of("20.00"));
        // A cancelled recharge no longer counts: 20 kWh bought this month is back in the first block.
        recharges.cancel(first.id());
        RechargeOrderView third = recharges.placeOrder(new RechargeRequest(stepped,
                RechargeAmount.of(Money.of("11")), Payment.cash(), fixtures.key()));
        assertThat(third.price()).isEqualTo(PricePerKwh.of("0.5000"));
        assertThat(third.kwh()).isEqualTo(Kwh.of("22.00"));
    }

    @Test
    void recharge_is_refused_without_the_recharge_right() {
        for (String username : new String[] {"finance", "maint"}) {
            LoginSupport.loginAs(users, username);
            assertThatThrownBy(() -> recharges.placeOrder(byMoney("10", fixtures.key())))
                    .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        }
        LoginSupport.logout();
        assertThatThrownBy(() -> recharges.placeOrder(byMoney("10", fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.not.logged.in");
        assertThat(orders.findByMeterIdOrderByIdAsc(meterId)).isEmpty();
    }

    @Test
    void recharge_is_refused_for_a_postpaid_meter() {
        long postpaid = fixtures.meter("A", BillingMode.POSTPAID);
        fixtures.flatGroup("0.5000", postpaid);
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(postpaid,
                RechargeAmount.of(Money.of("10")), Payment.cash(), fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.not.prepaid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-5|error.money.negative", "0|error.money.zero", "100000.01|error.money.too.large",
            "12.345|error.money.decimals", "twelve|error.money.not.number"})
    void invalid_amounts_typed_by_the_clerk_never_become_orders(String typed, String key) {
        assertThatThrownBy(() -> recharges.placeOrder(new RechargeRequest(meterId,
                RechargeAmount.of(Money.parse(typed)), Payment.cash(), fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining(key);
        assertThat(orders.findByMeterIdOrderByIdAsc(meterId)).isEmpty();
    }

    @Test
    void the_service_checks_amounts_itself_whatever_the_caller_built() {
        assertThatThrownBy(() -> recharges.placeOrder(byMoney("-5", fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.money.zero");
        assertThatThrownBy(() -> recharges.placeOrder(byMoney("100000.01", fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.money.too.large");
        assertThatThrownBy(() -> recharges.placeOrder(byMoney("0.00", fixtures.key())))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.money.zero");
        // 0.01 yuan buys 0.02 kWh at 0.50; at 0.50 per kWh a hundredth of a kWh still costs a fen.
        assertThat(recharges.placeOrder(byMoney("0.01", fixtures.key())).kwh()).isEqualTo(Kwh.of("0.02"));
        assertThatThrownBy(() -> new Payment(PaymentMethod.ONLINE, " "))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.reference.required");
    }

    @Test
    void cancelling_before_delivery_reverses_the_credit() {
        RechargeOrderView order = recharges.placeOrder(byMoney("40", fixtures.key()));
        RechargeOrderView cancelled = recharges.cancel(order.id());

        assertThat(cancelled.state()).isEqualTo(RechargeState.CANCELLED);
        assertThat(accounts.ledgerOfMeter(meterId)).extracting(LedgerLine::kind)
                .containsExactly(LedgerKind.RECHARGE, LedgerKind.REVERSAL);
        assertThat(accounts.balanceOfMeter(meterId)).isEqualTo(AccountBalance.EMPTY);
        assertThat(audit.byAction("RECHARGE_CANCEL")).anySatisfy(
                event -> assertThat(event.getDetails()).isEqualTo("order " + order.id() + " 40.00"));
        assertThatThrownBy(() -> recharges.cancel(order.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.cancel.too.late");
        assertThat(accounts.ledgerOfMeter(meterId)).hasSize(2);
    }

    @Test
    void an_order_sent_to_the_meter_can_no_longer_be_cancelled() {
        RechargeOrderView order = recharges.placeOrder(byMoney("40", fixtures.key()));
        progress.markSent(order.id());
        assertThatThrownBy(() -> recharges.cancel(order.id()))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.recharge.cancel.too.late");
        assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(Money.of("40.00"));
    }

    @Test
    void the_ledger_refuses_updates_and_deletes_in_the_database() {
        recharges.placeOrder(byMoney("10", fixtures.key()));
        long entryId = accounts.ledgerOfMeter(meterId).getFirst().id();
        assertThatThrownBy(() -> jdbc.update("UPDATE ledger_entry SET amount = ? WHERE id = ?",
                new BigDecimal("999.00"), entryId)).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM ledger_entry WHERE id = ?", entryId))
                .hasMessageContaining("append-only");
        assertThat(accounts.balanceOfMeter(meterId).money()).isEqualTo(Money.of("10.00"));
    }

    private RechargeRequest byMoney(String yuan, String key) {
        return new RechargeRequest(meterId, RechargeAmount.of(Money.of(yuan)), Payment.cash(), key);
    }
}
