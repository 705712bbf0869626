package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class ReconciliationServiceIT {

    @Autowired
    private ReconciliationService reconciliation;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private PrepaidFixtures fixtures;
    private LocalDate day;

    @BeforeEach
    void setUp() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        day = fixtures.today();
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void a_meter_credited_less_than_the_ledger_says_is_a_finding_and_a_matching_meter_is_not() {
        long matching = fixtures.meter("A", BillingMode.PREPAID);
        long short_ = fixtures.meter("A", BillingMode.PREPAID);
        // Two confirmed orders of 50 kWh; the meter counted both purchases and rose by 50 each
        // (minus 0.02 kWh used between the reads, inside the tolerance).
        confirmedOrder(matching, "50.00", 3, "10.00", 4, "59.98");
        confirmedOrder(matching, "50.00", 4, "59.00", 5, "109.00");
        // One confirmed order of 80 kWh the meter only rose 30 kWh for.
        confirmedOrder(short_, "80.00", 7, "5.00", 8, "35.00");

        LoginSupport.loginAs(users, "finance");
        var findings = reconciliation.run(day);

        assertThat(findings).extracting(ReconciliationService.Finding::meterId).contains(short_)
                .doesNotContain(matching);
        assertThat(findings).filteredOn(f -> f.meterId() == short_).singleElement().satisfies(f -> {
            assertThat(f.ledgerKwh()).isEqualTo(Kwh.of("80.00"));
            assertThat(f.meterKwh()).isEqualTo(Kwh.of("30.00"));
            assertThat(f.meterPurchases()).isEqualTo(1);
        });
        assertThat(reconciliation.latest()).extracting(ReconciliationService.Finding::meterId).contains(short_)
                .doesNotContain(matching);

        reconciliation.run(day);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_finding WHERE meter_id = ?",
                Integer.class, short_)).isEqualTo(1);
    }

    @Test
    void a_purchase_the_meter_never_counted_is_a_finding() {
        long meter = fixtures.meter("A", BillingMode.PREPAID);
        confirmedOrder(meter, "20.00", 2, "1.00", 2, "21.00");

        LoginSupport.loginAs(users, "finance");
        assertThat(reconciliation.run(day)).filteredOn(f -> f.meterId() == meter).singleElement()
                .satisfies(f -> assertThat(f.meterPurchases()).isZero());
    }

    @Test
    void only_finance_reconciles() {
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> reconciliation.run(day))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
        assertThatThrownBy(() -> reconciliation.latest())
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");
    }

    private void confirmedOrder(long meterId, String kwh, int countBefore, String remainingBefore, int countAfter,
                                String remainingAfter) {
        long household = jdbc.queryForObject("SELECT household_id FROM meter WHERE id = ?", Long.class, meterId);
        Timestamp at = Timestamp.from(day.atTime(9, 0).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant());
        jdbc.update("INSERT IGNORE INTO prepaid_account (household_id, opened_at) VALUES (?, ?)", household, at);
        long account = jdbc.queryForObject("SELECT id FROM prepaid_account WHERE household_id = ?", Long.class, household);
        BigDecimal energy = new BigDecimal(kwh);
        BigDecimal amount = energy.multiply(new BigDecimal("0.5")).setScale(2);
        jdbc.update("""
                INSERT INTO recharge_order (idempotency_key, account_id, meter_id, amount, kwh, price, payment_method,
                                            state, created_by, created_at, state_changed_at)
                VALUES (?, ?, ?, ?, ?, 0.5, 'CASH', 'CONFIRMED', 'clerk', ?, ?)""",
                PrepaidFixtures.key(), account, meterId, amount, energy, at, at);
        long order = jdbc.queryForObject("SELECT MAX(id) FROM recharge_order WHERE meter_id = ?", Long.class, meterId);
        jdbc.update("""
                INSERT INTO ledger_entry (account_id, kind, amount, kwh, order_id, operator_username, occurred_at)
                VALUES (?, 'RECHARGE', ?, ?, ?, 'clerk', ?)""", account, amount, energy, order, at);
        jdbc.update("""
                INSERT INTO recharge_delivery (order_id, meter_id, purchase_count_before, remaining_before,
                                               purchase_count_after, remaining_after, attempts, writes)
                VALUES (?, ?, ?, ?, ?, ?, 1, 1)""", order, meterId, countBefore, new BigDecimal(remainingBefore),
                countAfter, new BigDecimal(remainingAfter));
    }
}
