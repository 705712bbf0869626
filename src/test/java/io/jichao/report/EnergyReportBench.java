package io.jichao.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.JichaoApplication;
import io.jichao.testing.LoginSupport;

/**
 * Server time of an hourly energy report for one building of 300 meters over one month (31 days,
 * 744 hours), as {@link EnergyReportService#report} answers it on embedded MariaDB. Not a test: run
 * it by hand (see docs/benchmarks.md). Boots the application on its own database in
 * target/bench-db, bulk-loads two buildings of 300 meters each with a month and a day of hourly and
 * daily closings (about 450,000 hourly rows; one hour in 500 left out so the missing path is
 * exercised), then measures as {@code finance}.
 */
public final class EnergyReportBench {

    private static final int METERS_PER_BUILDING = 300;
    private static final int WARMUP = 5;
    private static final int MEASURED = 30;
    private static final LocalDate MONTH_START = LocalDate.of(2026, 10, 1);

    private EnergyReportBench() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JichaoApplication.class)
                .profiles("test")
                .run("--jichao.embedded-db.data-dir=target/bench-db/" + System.nanoTime(),
                        "--jichao.simulator.enabled=false", "--server.port=0", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long start = System.nanoTime();
            long measured = loadBuilding(jdbc, "BENCH1");
            loadBuilding(jdbc, "BENCH2");
            System.out.printf(Locale.ROOT, "loaded %,d hourly rows in %.1f s%n",
                    jdbc.queryForObject("select count(*) from energy_hourly", Long.class), (System.nanoTime() - start) / 1e9);
            EnergyReportService reports = context.getBean(EnergyReportService.class);
            LoginSupport.loginAs(context.getBean(UserDetailsService.class), "finance");
            LocalDate monthEnd = MONTH_START.plusMonths(1).minusDays(1);
            EnergyQuery hourly = new EnergyQuery(ReportLevel.BUILDING, measured, Granularity.HOUR, MONTH_START, monthEnd);
            EnergyReport sample = reports.report(hourly);
            System.out.printf(Locale.ROOT, "hourly report: %d rows, %d meters, total %s kWh, %d of %d missing%n",
                    sample.rows().size(), sample.meters(), sample.total().known().orElseThrow(),
                    sample.total().missing(), sample.total().expected());
            if (Boolean.getBoolean("bench.variants")) {
                UsageSqlVariants.run(context.getBean(org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate.class),
                        measured, LocalDateTime.ofInstant(EnergyReportService.startOf(MONTH_START), ZoneOffset.UTC),
                        LocalDateTime.ofInstant(EnergyReportService.startOf(monthEnd.plusDays(1)), ZoneOffset.UTC));
            }
            measure("building, hourly, one month", () -> reports.report(hourly));
            measure("building, daily, one month", () -> reports.report(new EnergyQuery(ReportLevel.BUILDING, measured,
                    Granularity.DAY, MONTH_START, monthEnd)));
            measure("whole site, hourly, one month", () -> reports.report(new EnergyQuery(ReportLevel.DISTRICT, null,
                    Granularity.HOUR, MONTH_START, monthEnd)));
            LoginSupport.logout();
        }
    }

    private static void measure(String name, Supplier<?> action) {
        for (int i = 0; i < WARMUP; i++) {
            action.get();
        }
        double[] millis = new double[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long t0 = System.nanoTime();
            action.get();
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "| %-32s | %7.1f | %7.1f | %7.1f | %7.1f |%n", name, millis[MEASURED / 2],
                millis[(int) (MEASURED * 0.95)], millis[MEASURED - 1], millis[0]);
    }

    /** A building with one floor and box per 30 meters, its meters, and their closings for the month. */
    private static long loadBuilding(JdbcTemplate jdbc, String code) {
        long site = jdbc.queryForObject("select min(id) from site", Long.class);
        jdbc.update("insert into building (site_id, name, code) values (?, ?, ?)", site, "基准楼 " + code, code);
        long building = jdbc.queryForObject("select id from building where code = ?", Long.class, code);
        List<Long> meters = new ArrayList<>();
        for (int floorNo = 1; floorNo <= METERS_PER_BUILDING / 30; floorNo++) {
            jdbc.update("insert into floor (building_id, level, name) values (?, ?, ?)", building, floorNo, floorNo + "F");
            long floor = jdbc.queryForObject("select id from floor where building_id = ? and level = ?", Long.class,
                    building, floorNo);
            jdbc.update("insert into distribution_box (floor_id, building_id, code, name) values (?, ?, ?, ?)", floor,
                    building, "X" + floorNo, "box " + floorNo);
            long box = jdbc.queryForObject("select id from distribution_box where building_id = ? and code = ?",
                    Long.class, building, "X" + floorNo);
            for (int i = 0; i < 30; i++) {
                String address = String.format("%s%02d%02d", code.substring(code.length() - 1).repeat(8), floorNo, i);
                jdbc.update("""
                        insert into meter (address, protocol, phase, building_id, floor_id, box_id, billing_mode, state,
                          ct_ratio, pt_ratio) values (?, 'DLT645_2007', 'SINGLE', ?, ?, ?, 'PREPAID', 'ACTIVE', ?, 1)""",
                        address, building, floor, box, i % 5 == 0 ? 20 : 1);
                meters.add(jdbc.queryForObject("select id from meter where address = ? and building_id = ?", Long.class,
                        address, building));
            }
        }
        Instant first = MONTH_START.atStartOfDay(EnergyReportService.ZONE).toInstant().minus(1, ChronoUnit.HOURS);
        Instant end = MONTH_START.plusMonths(1).atStartOfDay(EnergyReportService.ZONE).toInstant();
        int n = 0;
        for (long meter : meters) {
            List<Object[]> hours = new ArrayList<>();
            List<Object[]> days = new ArrayList<>();
            BigDecimal register = BigDecimal.valueOf(1000 + meter);
            for (Instant hour = first; hour.isBefore(end); hour = hour.plus(1, ChronoUnit.HOURS)) {
                register = register.add(new BigDecimal("0.37"));
                if (++n % 500 == 0) {
                    continue;
                }
                LocalDateTime start = LocalDateTime.ofInstant(hour, ZoneOffset.UTC);
                hours.add(new Object[] {meter, start, register, start.plusHours(1)});
                LocalDateTime closesAt = start.plusHours(1);
                if (closesAt.atOffset(ZoneOffset.UTC).atZoneSameInstant(EnergyReportService.ZONE).getHour() == 0) {
                    days.add(new Object[] {meter, LocalDate.ofInstant(hour, EnergyReportService.ZONE), register, closesAt});
                }
            }
            jdbc.batchUpdate("insert into energy_hourly (meter_id, hour_start, register_kwh, taken_at, backfilled) values (?, ?, ?, ?, false)",
                    hours);
            jdbc.batchUpdate("insert into energy_daily (meter_id, day, register_kwh, taken_at, backfilled) values (?, ?, ?, ?, false)",
                    days);
        }
        return building;
    }
}
