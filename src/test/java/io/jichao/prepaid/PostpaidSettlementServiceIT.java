package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;

import io.jichao.security.OperatorService;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class PostpaidSettlementServiceIT {

    @Autowired
    private PostpaidSettlementService settlements;
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
    @Autowired
    private JdbcTemplate jdbc;

    private PrepaidFixtures fixtures;
    private YearMonth month;
    private LocalDateTime start;
    private LocalDateTime end;

    @BeforeEach
    void nextMonth() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        // Tariff versions start today at the earliest, so the settled month is next month.
        month = YearMonth.from(fixtures.today()).plusMonths(1);
        start = utc(month);
        end = utc(month.plusMonths(1));
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void a_flat_meter_owes_its_month_usage_at_the_flat_price_once() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID);
        fixtures.flatGroup("0.5000", meter);
        closing(meter, start.minusHours(1), "100.0000");
        closing(meter, start.plusDays(10), "110.0000");
        closing(meter, end.minusHours(1), "130.5000");

        LoginSupport.loginAs(users, "finance");
        var report = settlements.settle(month);

        // 130.5 - 100 = 30.5 kWh at 0.50 = 15.25 owed.
        assertThat(report.settled()).filteredOn(s -> s.meterId() == meter).singleElement().satisfies(s -> {
            assertThat(s.energy()).isEqualTo(Kwh.of("30.50"));
            assertThat(s.amount()).isEqualTo(Money.of("15.25"));
        });
        assertThat(ledger(meter)).containsExactly("-15.25 -30.50");
        assertThat(audit.byAction("POSTPAID_SETTLE")).anySatisfy(e -> assertThat(e.getTarget()).isEqualTo(month.toString()));

        var again = settlements.settle(month);
        assertThat(again.settled()).filteredOn(s -> s.meterId() == meter).hasSize(1);
        assertThat(ledger(meter)).containsExactly("-15.25 -30.50");
    }

    @Test
    void a_time_of_use_meter_prices_each_hour_by_its_shanghai_period() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID);
        LoginSupport.loginAs(users, "finance");
        long group = tariffs.createGroup("postpaid-tou-" + meter);
        tariffs.addVersion(group, fixtures.today(), TariffFixtures.timeOfUse());
        tariffs.assignMeter(group, meter);
        closing(meter, start.minusHours(1), "1000.0000");
        // Hour starting 09:00 Shanghai on day 2: peak 1.00 -> 10 kWh = 10.00
        closing(meter, start.plusDays(1).plusHours(9), "1010.0000");
        // Hour starting 02:00 Shanghai on day 3: valley 0.30 -> 20 kWh = 6.00
        closing(meter, start.plusDays(2).plusHours(2), "1030.0000");
        // Hour starting 23:00 Shanghai on the last day: valley 0.30 -> 5 kWh = 1.50
        closing(meter, end.minusHours(1), "1035.0000");

        var report = settlements.settle(month);

        assertThat(report.settled()).filteredOn(s -> s.meterId() == meter).singleElement().satisfies(s -> {
            assertThat(s.energy()).isEqualTo(Kwh.of("35.00"));
            assertThat(s.amount()).isEqualTo(Money.of("17.50"));
        });
        assertThat(ledger(meter)).containsExactly("-17.50 -35.00");
    }

    @Test
    void a_stepped_meter_climbs_the_blocks_over_the_month() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID);
        LoginSupport.loginAs(users, "finance");
        long group = tariffs.createGroup("postpaid-stepped-" + meter);
        tariffs.addVersion(group, fixtures.today(), TariffFixtures.stepped());
        tariffs.assignMeter(group, meter);
        closing(meter, start.minusHours(1), "0.0000");
        // 150 kWh in block 1 at 0.50 = 75.00
        closing(meter, start.plusDays(5), "150.0000");
        // 50 kWh at 0.50 + 150 kWh at 0.55 = 25.00 + 82.50
        closing(meter, start.plusDays(10), "350.0000");
        // 50 kWh at 0.55 + 50 kWh at 0.80 = 27.50 + 40.00
        closing(meter, end.minusHours(1), "450.0000");

        var report = settlements.settle(month);

        assertThat(report.settled()).filteredOn(s -> s.meterId() == meter).singleElement().satisfies(s -> {
            assertThat(s.energy()).isEqualTo(Kwh.of("450.00"));
            assertThat(s.amount()).isEqualTo(Money.of("250.00"));
        });
    }

    @Test
    void a_meter_without_its_month_end_closing_is_listed_and_not_settled() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID);
        fixtures.flatGroup("0.5000", meter);
        closing(meter, start.minusHours(1), "100.0000");
        closing(meter, start.plusDays(5), "120.0000");

        LoginSupport.loginAs(users, "finance");
        var report = settlements.settle(month);

        assertThat(report.notSettled()).filteredOn(n -> n.meterId() == meter).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo(PostpaidSettlementService.Reason.MISSING_READINGS));
        assertThat(report.settled()).noneMatch(s -> s.meterId() == meter);
        assertThat(ledger(meter)).isEmpty();
    }

    @Test
    void only_finance_settles_and_a_district_finance_operator_settles_only_its_buildings() {
        long inC = fixtures.meter("C", BillingMode.POSTPAID);
        long inA = fixtures.meter("A", BillingMode.POSTPAID);
        fixtures.flatGroup("0.5000", inC, inA);
        for (long meter : new long[] {inC, inA}) {
            closing(meter, start.minusHours(1), "10.0000");
            closing(meter, end.minusHours(1), "20.0000");
        }
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> settlements.settle(month))
                .isInstanceOf(DomainException.class).hasMessageContaining("error.permission.denied");

        String username = "fin" + inC;
        LoginSupport.loginAs(users, "super");
        long buildingA = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        operators.provisionAtStartup(new OperatorService.OperatorDraft(username, "district finance", Set.of(Role.FINANCE), false,
                Set.of(buildingA), Set.of(), null), "Secret-123456", false);
        LoginSupport.loginAs(users, username);
        var report = settlements.settle(month);

        assertThat(report.settled()).extracting(PostpaidSettlementService.Settled::meterId).contains(inA)
                .doesNotContain(inC);
        assertThat(ledger(inC)).isEmpty();
        assertThat(ledger(inA)).containsExactly("-5.00 -10.00");
    }

    private java.util.List<String> ledger(long meterId) {
        return jdbc.queryForList("""
                SELECT CONCAT(le.amount, ' ', le.kwh) FROM ledger_entry le
                  JOIN prepaid_account a ON a.id = le.account_id
                  JOIN meter m ON m.household_id = a.household_id
                 WHERE m.id = ? AND le.kind = 'POSTPAID_SETTLEMENT' ORDER BY le.id""", String.class, meterId);
    }

    private void closing(long meterId, LocalDateTime hourStartUtc, String registerKwh) {
        jdbc.update("INSERT INTO energy_hourly (meter_id, hour_start, register_kwh, taken_at, backfilled) VALUES (?, ?, ?, ?, FALSE)",
                meterId, hourStartUtc, new BigDecimal(registerKwh), hourStartUtc.plusHours(1));
    }

    private static LocalDateTime utc(YearMonth month) {
        return LocalDateTime.ofInstant(month.atDay(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(),
                ZoneOffset.UTC);
    }
}
