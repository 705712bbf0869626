package io.jichao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.report.MeterLists.DailyUsage;
import io.jichao.report.MeterLists.LowRemaining;
import io.jichao.shared.Kwh;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class MeterListServiceIT {

    @Autowired
    private MeterListService lists;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private ReportFixtures fixtures;

    @BeforeEach
    void building() {
        fixtures = new ReportFixtures(meters, structure, users, jdbc);
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void the_daily_usage_report_gives_each_meter_its_day_and_its_remaining_energy_before_the_day_ends() {
        long read = fixtures.meter("日报甲", 5, false);
        long unread = fixtures.meter("日报乙", 1, false);
        LocalDate day = LocalDate.of(2025, 10, 8);
        fixtures.closing(read, day.minusDays(1), "200.00");
        fixtures.closing(read, day, "203.20");
        Instant endOfDay = EnergyReportService.startOf(day.plusDays(1));
        fixtures.remaining(read, endOfDay.minus(2, ChronoUnit.HOURS), "41.50");
        // Read after the day: not the day's remaining energy.
        fixtures.remaining(read, endOfDay.plus(1, ChronoUnit.HOURS), "39.00");

        LoginSupport.loginAs(users, "finance");
        var report = lists.dailyUsage(day);

        DailyUsage first = row(report, read);
        assertThat(first.usage()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("16.00")), 1, 0));
        assertThat(first.remainingKwh()).isEqualByComparingTo("41.50");
        assertThat(first.remainingAt()).isEqualTo(endOfDay.minus(2, ChronoUnit.HOURS));
        assertThat(first.meter().household()).isEqualTo("日报甲");
        DailyUsage second = row(report, unread);
        assertThat(second.usage()).isEqualTo(new EnergyFigure(Optional.empty(), 1, 1));
        assertThat(second.remainingKwh()).isNull();
    }

    @Test
    void the_low_remaining_list_uses_the_alarm_level_unless_a_threshold_is_chosen() {
        long low = fixtures.meter(fixtures.building.id(), "余量低", 1, null, new BigDecimal("20.00"));
        long fine = fixtures.meter(fixtures.building.id(), "余量足", 1, null, new BigDecimal("20.00"));
        long noLevel = fixtures.meter(fixtures.building.id(), "无报警值", 1, null, null);
        Instant now = Instant.now();
        fixtures.remaining(low, now.minus(3, ChronoUnit.HOURS), "50.00");
        fixtures.remaining(low, now.minus(1, ChronoUnit.HOURS), "12.30");
        fixtures.remaining(fine, now.minus(1, ChronoUnit.HOURS), "35.00");
        fixtures.remaining(noLevel, now.minus(1, ChronoUnit.HOURS), "1.00");

        LoginSupport.loginAs(users, "finance");
        var byLevel = lists.lowRemaining(null);
        assertThat(byLevel.rows()).extracting(r -> r.meter().meterId()).contains(low).doesNotContain(fine, noLevel);
        LowRemaining row = byLevel.rows().stream().filter(r -> r.meter().meterId() == low).findFirst().orElseThrow();
        assertThat(row.remainingKwh()).isEqualByComparingTo("12.30");
        assertThat(row.threshold()).isEqualByComparingTo("20.00");
        assertThat(row.phone()).startsWith("1390000");

        var byThreshold = lists.lowRemaining(new BigDecimal("40"));
        assertThat(byThreshold.rows()).extracting(r -> r.meter().meterId()).contains(low, fine, noLevel);

        LoginSupport.loginAs(users, "clerk");
        assertThat(lists.lowRemaining(new BigDecimal("40")).rows()).extracting(r -> r.meter().meterId())
                .doesNotContain(low, fine, noLevel);
        assertThat(lists.dailyUsage(LocalDate.of(2025, 10, 8)).rows()).extracting(r -> r.meter().meterId())
                .doesNotContain(low);
        assertThatThrownBy(() -> lists.lowRemaining(new BigDecimal("-1")))
                .hasMessageContaining("error.report.threshold.negative");
    }

    private static DailyUsage row(MeterLists.DailyUsageReport report, long meter) {
        return report.rows().stream().filter(r -> r.meter().meterId() == meter).findFirst().orElseThrow();
    }
}
