package io.jichao.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Energy report figures against hand-computed fixtures stored through the aggregates' own upsert. */
@JichaoSpringTest
class EnergyReportServiceIT {

    @Autowired
    private EnergyReportService reports;
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
    void an_hourly_day_starts_at_shanghai_midnight_applies_ct_and_leaves_missing_hours_empty() {
        long meter = fixtures.meter("小时表", 10, false);
        LocalDate day = LocalDate.of(2025, 3, 10);
        // 00:00 CST on 10 March = 16:00 UTC on 9 March; a value at 16:00:00 closes the hour before.
        Instant midnight = Instant.parse("2025-03-09T16:00:00Z");
        fixtures.energy.read(meter, midnight, "100.00");
        fixtures.energy.read(meter, midnight.plusSeconds(3600), "101.50");
        fixtures.energy.read(meter, midnight.plusSeconds(2 * 3600), "103.00");
        // 02:00-03:00 has no closing: that hour and the next are missing.
        fixtures.energy.read(meter, midnight.plusSeconds(4 * 3600), "106.00");
        fixtures.energy.read(meter, midnight.plusSeconds(5 * 3600), "107.00");

        LoginSupport.loginAs(users, "finance");
        EnergyReport report = reports.report(new EnergyQuery(ReportLevel.METER, meter, Granularity.HOUR, day, day));

        assertThat(report.rows()).hasSize(24);
        assertThat(report.rows().getFirst().start()).isEqualTo(midnight);
        assertThat(report.rows().getFirst().label()).isEqualTo("2025-03-10 00:00");
        // Register kWh × CT 10: 1.5 → 15, 1.5 → 15, missing, missing, 1.0 → 10.
        assertThat(values(report)).startsWith(Optional.of(Kwh.of("15.00")), Optional.of(Kwh.of("15.00")),
                Optional.empty(), Optional.empty(), Optional.of(Kwh.of("10.00")), Optional.empty());
        assertThat(report.rows().get(2).figure().missing()).isEqualTo(1);
        assertThat(report.total().known()).contains(Kwh.of("40.00"));
        assertThat(report.total().expected()).isEqualTo(24);
        assertThat(report.total().missing()).isEqualTo(21);
        assertThat(report.total().complete()).isFalse();
    }

    @Test
    void a_roll_over_counts_and_a_replaced_meter_leaves_its_day_missing() {
        long meter = fixtures.meter("翻转表", 1, false);
        LocalDate d0 = LocalDate.of(2025, 4, 1);
        fixtures.closing(meter, d0, "999990.00");
        fixtures.closing(meter, d0.plusDays(1), "5.00");
        fixtures.closing(meter, d0.plusDays(2), "20.00");
        // Back to 3: not a roll-over (20 < 900,000): the meter was replaced or reset.
        fixtures.closing(meter, d0.plusDays(3), "3.00");
        // 00:00 CST of 6 April (16:00 UTC on 5 April) closes 5 April.
        fixtures.energy.read(meter, Instant.parse("2025-04-05T16:00:00Z"), "8.00");

        LoginSupport.loginAs(users, "finance");
        EnergyReport report = reports.report(new EnergyQuery(ReportLevel.METER, meter, Granularity.DAY,
                d0.plusDays(1), d0.plusDays(4)));

        assertThat(values(report)).containsExactly(Optional.of(Kwh.of("15.00")), Optional.of(Kwh.of("15.00")),
                Optional.empty(), Optional.of(Kwh.of("5.00")));
        assertThat(report.total().known()).contains(Kwh.of("35.00"));
        assertThat(report.total().missing()).isEqualTo(1);
    }

    @Test
    void months_and_years_are_sums_of_shanghai_days_and_flag_their_missing_days() {
        long meter = fixtures.meter("月表", 1, false);
        LocalDate first = LocalDate.of(2024, 11, 30);
        for (int i = 0; i <= 62; i++) {
            fixtures.closing(meter, first.plusDays(i), String.format("%d.00", 1000 + i));
        }
        LoginSupport.loginAs(users, "finance");

        EnergyReport months = reports.report(new EnergyQuery(ReportLevel.METER, meter, Granularity.MONTH,
                LocalDate.of(2024, 12, 15), LocalDate.of(2025, 1, 3)));
        assertThat(months.rows()).extracting(EnergyReport.Row::label).containsExactly("2024-12", "2025-01");
        assertThat(values(months)).containsExactly(Optional.of(Kwh.of("31.00")), Optional.of(Kwh.of("31.00")));
        assertThat(months.rows()).allSatisfy(r -> assertThat(r.figure().complete()).isTrue());
        assertThat(months.rows().getFirst().start()).isEqualTo(Instant.parse("2024-11-30T16:00:00Z"));

        EnergyReport years = reports.report(new EnergyQuery(ReportLevel.METER, meter, Granularity.YEAR,
                LocalDate.of(2024, 6, 1), LocalDate.of(2025, 6, 1)));
        assertThat(years.rows()).extracting(EnergyReport.Row::label).containsExactly("2024", "2025");
        // 2024: December only (31 of 366 days); 2025: January only (31 of 365 days).
        assertThat(years.rows().get(0).figure()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("31.00")), 366, 335));
        assertThat(years.rows().get(1).figure()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("31.00")), 365, 334));
    }

    @Test
    void a_back_filled_closing_completes_the_days_it_missed() {
        long meter = fixtures.meter("补抄表", 1, false);
        LocalDate d0 = LocalDate.of(2025, 5, 1);
        fixtures.closing(meter, d0, "10.00");
        fixtures.closing(meter, d0.plusDays(2), "30.00");
        LoginSupport.loginAs(users, "finance");
        EnergyQuery query = new EnergyQuery(ReportLevel.METER, meter, Granularity.DAY, d0.plusDays(1), d0.plusDays(2));
        assertThat(reports.report(query).total()).isEqualTo(new EnergyFigure(Optional.empty(), 2, 2));

        // The meter's freeze of 2 May arrives later; an earlier value of 3 May arriving late does not replace the later one.
        fixtures.energy.backfilled(meter, d0.plusDays(1).atTime(20, 0).atZone(EnergyReportService.ZONE).toInstant(), "18.00");
        fixtures.energy.read(meter, d0.plusDays(2).atTime(9, 0).atZone(EnergyReportService.ZONE).toInstant(), "25.00");

        EnergyReport report = reports.report(query);
        assertThat(values(report)).containsExactly(Optional.of(Kwh.of("8.00")), Optional.of(Kwh.of("12.00")));
        assertThat(report.total()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("20.00")), 2, 0));
    }

    @Test
    void groups_add_their_meters_and_stay_incomplete_while_one_meter_misses_a_day() {
        long inBox = fixtures.meter("甲", 2, true);
        long alsoInBox = fixtures.meter("乙", 1, true);
        long outside = fixtures.meter("丙", 1, false);
        LocalDate d0 = LocalDate.of(2025, 6, 1);
        for (long meter : new long[] {inBox, alsoInBox, outside}) {
            fixtures.closing(meter, d0, "100.00");
            fixtures.closing(meter, d0.plusDays(1), "110.00");
        }
        fixtures.closing(inBox, d0.plusDays(2), "115.00");
        fixtures.closing(outside, d0.plusDays(2), "111.00");
        LoginSupport.loginAs(users, "finance");

        EnergyReport box = reports.report(new EnergyQuery(ReportLevel.BOX, fixtures.box.id(), Granularity.DAY,
                d0.plusDays(1), d0.plusDays(2)));
        // Day 2: 10 × 2 + 10 = 30; day 3: 5 × 2 and the second meter missing.
        assertThat(box.meters()).isEqualTo(2);
        assertThat(box.rows().get(0).figure()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("30.00")), 2, 0));
        assertThat(box.rows().get(1).figure()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("10.00")), 2, 1));

        EnergyReport building = reports.report(new EnergyQuery(ReportLevel.BUILDING, fixtures.building.id(),
                Granularity.DAY, d0.plusDays(1), d0.plusDays(2)));
        assertThat(building.meters()).isEqualTo(3);
        assertThat(building.total()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("51.00")), 6, 1));
        EnergyReport floor = reports.report(new EnergyQuery(ReportLevel.FLOOR, fixtures.floor.id(),
                Granularity.DAY, d0.plusDays(1), d0.plusDays(2)));
        assertThat(floor.total()).isEqualTo(box.total());
        EnergyReport household = reports.report(new EnergyQuery(ReportLevel.HOUSEHOLD, fixtures.householdOf(outside),
                Granularity.DAY, d0.plusDays(1), d0.plusDays(2)));
        assertThat(household.total()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("11.00")), 2, 0));
    }

    @Test
    void a_replaced_meter_counts_until_its_removal_and_its_successor_from_its_first_closing() {
        String room = "换表" + ReportFixtures.RUN;
        long old = fixtures.meterInRoom(room, "换表户");
        LocalDate d0 = LocalDate.of(2025, 2, 8);
        fixtures.closing(old, d0, "100.00");
        fixtures.closing(old, d0.plusDays(1), "110.00");
        // Removed at 08:00 on 10 February: that day is still expected of it, the days after are not.
        fixtures.removedAt(old, d0.plusDays(2).atTime(8, 0).atZone(EnergyReportService.ZONE).toInstant());
        long successor = fixtures.meterInRoom(room, "换表户");
        assertThat(fixtures.householdOf(successor)).isEqualTo(fixtures.householdOf(old));
        fixtures.closing(successor, d0.plusDays(2), "0.00");
        fixtures.closing(successor, d0.plusDays(3), "5.00");
        fixtures.closing(successor, d0.plusDays(4), "9.00");

        LoginSupport.loginAs(users, "finance");
        EnergyReport report = reports.report(new EnergyQuery(ReportLevel.HOUSEHOLD, fixtures.householdOf(old),
                Granularity.DAY, d0.plusDays(1), d0.plusDays(4)));

        assertThat(report.meters()).isEqualTo(2);
        // 9 Feb: the old meter's 10 kWh, the successor (no install date in the archive) missing.
        // 10 Feb: neither has a usage (no closing of the old one, no previous closing of the new one).
        // 11 and 12 Feb: the successor alone, complete.
        assertThat(report.rows()).extracting(EnergyReport.Row::figure).containsExactly(
                new EnergyFigure(Optional.of(Kwh.of("10.00")), 2, 1),
                new EnergyFigure(Optional.empty(), 2, 2),
                new EnergyFigure(Optional.of(Kwh.of("5.00")), 1, 0),
                new EnergyFigure(Optional.of(Kwh.of("4.00")), 1, 0));
    }

    @Test
    void two_periods_are_compared_only_where_both_are_complete() {
        long meter = fixtures.meter("对比表", 1, false);
        LocalDate d0 = LocalDate.of(2025, 7, 1);
        String[] registers = {"0.00", "10.00", "30.00", "40.00", "44.00", "50.00"};
        for (int i = 0; i < registers.length; i++) {
            fixtures.closing(meter, d0.plusDays(i), registers[i]);
        }
        LoginSupport.loginAs(users, "finance");
        EnergyComparison comparison = reports.compare(new EnergyQuery(ReportLevel.METER, meter, Granularity.DAY,
                d0.plusDays(1), d0.plusDays(2)), d0.plusDays(4), d0.plusDays(6));

        // First: 10, 20; second: 4, 6 and a day without closing.
        assertThat(comparison.lines()).hasSize(3);
        assertThat(comparison.lines().get(0).difference()).contains(Kwh.of("-6.00"));
        assertThat(comparison.lines().get(0).percent()).contains(new java.math.BigDecimal("-60.00"));
        assertThat(comparison.lines().get(1).difference()).contains(Kwh.of("-14.00"));
        assertThat(comparison.lines().get(2).first()).isNull();
        assertThat(comparison.lines().get(2).difference()).isEmpty();
        assertThat(comparison.total().firstFigure().known()).contains(Kwh.of("30.00"));
        assertThat(comparison.total().secondFigure()).isEqualTo(new EnergyFigure(Optional.of(Kwh.of("10.00")), 3, 1));
        assertThat(comparison.total().difference()).isEmpty();
    }

    @Test
    void a_group_or_meter_outside_the_district_is_not_found() {
        long meter = fixtures.meter("辖区外", 1, false);
        LoginSupport.loginAs(users, "clerk");
        LocalDate day = LocalDate.of(2025, 8, 1);
        for (EnergyQuery query : List.of(
                new EnergyQuery(ReportLevel.METER, meter, Granularity.DAY, day, day),
                new EnergyQuery(ReportLevel.BUILDING, fixtures.building.id(), Granularity.DAY, day, day),
                new EnergyQuery(ReportLevel.FLOOR, fixtures.floor.id(), Granularity.DAY, day, day),
                new EnergyQuery(ReportLevel.BOX, fixtures.box.id(), Granularity.DAY, day, day),
                new EnergyQuery(ReportLevel.HOUSEHOLD, fixtures.householdOf(meter), Granularity.DAY, day, day))) {
            assertThatThrownBy(() -> reports.report(query)).isInstanceOf(DomainException.class)
                    .hasMessageContaining("error.report.target.not.found");
        }
        // A clerk of two boxes of building A sees those boxes, not the whole building.
        LoginSupport.loginAs(users, "boxclerk");
        long buildingA = fixtures.buildingId("A");
        assertThatThrownBy(() -> reports.report(new EnergyQuery(ReportLevel.BUILDING, buildingA, Granularity.DAY, day, day)))
                .hasMessageContaining("error.report.target.not.found");
        assertThat(reports.targets(ReportLevel.BUILDING, "", 0, 50)).isEmpty();
        assertThat(reports.targets(ReportLevel.BOX, "", 0, 50)).hasSize(2);
        assertThat(reports.report(new EnergyQuery(ReportLevel.DISTRICT, null, Granularity.DAY, day, day)).meters())
                .isPositive();
        LoginSupport.loginAs(users, "clerk");
        assertThat(reports.targets(ReportLevel.METER, fixtures.address(meter), 0, 50)).isEmpty();
        LoginSupport.loginAs(users, "finance");
        assertThat(reports.targets(ReportLevel.METER, fixtures.address(meter), 0, 50)).extracting(ReportTarget::id)
                .containsExactly(meter);
    }

    private static List<Optional<Kwh>> values(EnergyReport report) {
        return report.rows().stream().map(r -> r.figure().known()).toList();
    }
}
