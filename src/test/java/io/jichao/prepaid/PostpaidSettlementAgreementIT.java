package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.report.EnergyQuery;
import io.jichao.report.EnergyReportService;
import io.jichao.report.Granularity;
import io.jichao.report.ReportLevel;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;
import io.jichao.statement.MonthlyStatement;
import io.jichao.statement.StatementService;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Settlement, the energy report and the monthly statement count a meter's month the same way (CT ×
 * PT applied, roll-over followed), because they share one calculation of period energy. The
 * closings are stored as the engine's aggregates store them: one hourly and one daily closing at
 * the end of every Shanghai day of the month and of the day before it.
 */
@JichaoSpringTest
class PostpaidSettlementAgreementIT {

    @Autowired
    private PostpaidSettlementService settlements;
    @Autowired
    private EnergyReportService reports;
    @Autowired
    private StatementService statements;
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
    private YearMonth month;

    @BeforeEach
    void nextMonth() {
        fixtures = new PrepaidFixtures(meters, structure, tariffs, users);
        // Tariff versions start today at the earliest, so the settled month is next month.
        month = YearMonth.from(fixtures.today()).plusMonths(1);
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void a_meter_behind_a_ct_of_40_owes_forty_times_its_register_advance() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID, 40);
        fixtures.flatGroup("0.5000", meter);
        // Register 100.00 -> 130.50: 30.50 kWh on the register, x 40 = 1220.00 kWh, at 0.50 = 610.00.
        monthOfClosings(meter, "100.0000", "110.0000", "125.5000", "130.5000");

        assertSettledAndAgreed(meter, Kwh.of("1220.00"), Money.of("610.00"));
    }

    @Test
    void a_register_that_rolls_over_in_the_month_owes_only_what_was_used() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID);
        fixtures.flatGroup("0.6000", meter);
        // 999990.00 -> 999995.00 -> (roll-over at 1,000,000) 3.25: 5.00 + 8.25 = 13.25 kWh, at 0.60 = 7.95.
        monthOfClosings(meter, "999990.0000", "999995.0000", "3.2500");

        assertSettledAndAgreed(meter, Kwh.of("13.25"), Money.of("7.95"));
    }

    @Test
    void a_register_that_goes_back_without_rolling_over_is_not_settled() {
        long meter = fixtures.meter("C", BillingMode.POSTPAID);
        fixtures.flatGroup("0.5000", meter);
        monthOfClosings(meter, "500.0000", "520.0000", "3.0000");

        LoginSupport.loginAs(users, "finance");
        var report = settlements.settle(month);

        assertThat(report.notSettled()).filteredOn(n -> n.meterId() == meter).singleElement()
                .satisfies(n -> assertThat(n.reason()).isEqualTo(PostpaidSettlementService.Reason.REGISTER_WENT_BACK));
        assertThat(report.settled()).noneMatch(s -> s.meterId() == meter);
    }

    private void assertSettledAndAgreed(long meter, Kwh energy, Money amount) {
        LoginSupport.loginAs(users, "finance");
        var settled = settlements.settle(month).settled().stream().filter(s -> s.meterId() == meter).toList();
        assertThat(settled).singleElement().satisfies(s -> {
            assertThat(s.energy()).isEqualTo(energy);
            assertThat(s.amount()).isEqualTo(amount);
        });

        var report = reports.report(new EnergyQuery(ReportLevel.METER, meter, Granularity.MONTH, month.atDay(1),
                month.atEndOfMonth()));
        assertThat(report.total().known()).contains(energy);

        long household = jdbc.queryForObject("SELECT household_id FROM meter WHERE id = ?", Long.class, meter);
        MonthlyStatement statement = statements.load(household, month);
        assertThat(statement.meters()).filteredOn(m -> m.meterId() == meter).singleElement().satisfies(m -> {
            assertThat(m.usage()).contains(energy);
            assertThat(m.incomplete()).isFalse();
        });
    }

    /**
     * Closings at the end of the day before the month and of its first days, then the last value
     * held to the month's end (no use after the listed registers).
     */
    private void monthOfClosings(long meter, String... registers) {
        List<String> values = List.of(registers);
        LocalDate day = month.atDay(1).minusDays(1);
        for (int i = 0; !day.isAfter(month.atEndOfMonth()); i++, day = day.plusDays(1)) {
            closing(meter, day, values.get(Math.min(i, values.size() - 1)));
        }
    }

    private void closing(long meterId, LocalDate day, String register) {
        LocalDateTime dayEnd = LocalDateTime.ofInstant(
                day.plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant(), ZoneOffset.UTC);
        BigDecimal kwh = new BigDecimal(register);
        jdbc.update("INSERT INTO energy_hourly (meter_id, hour_start, register_kwh, taken_at, backfilled) VALUES (?, ?, ?, ?, FALSE)",
                meterId, dayEnd.minusHours(1), kwh, dayEnd);
        jdbc.update("INSERT INTO energy_daily (meter_id, day, register_kwh, taken_at, backfilled) VALUES (?, ?, ?, ?, FALSE)",
                meterId, day, kwh, dayEnd);
    }
}
