package io.jichao.bench;

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
import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.testing.LoginSupport;

/**
 * Server time of the meter grid with 100,000 meters: what the grid asks when it opens (count +
 * first page of 50) and when a filter is set. Not a test: run it by hand (see docs/benchmarks.md).
 * Boots the application on its own embedded MariaDB in target/bench-db and bulk-loads meters
 * through JDBC into the demo park's buildings, floors and boxes.
 */
public final class MeterGridBench {

    private static final int METERS = 100_000;
    private static final int PAGE = 50;
    private static final int WARMUP = 30;
    private static final int MEASURED = 100;

    private MeterGridBench() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JichaoApplication.class)
                .profiles("test")
                .run("--jichao.embedded-db.data-dir=target/bench-db/" + System.nanoTime(),
                        "--jichao.simulator.enabled=false", "--server.port=0", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long start = System.nanoTime();
            loadMeters(jdbc);
            System.out.printf(Locale.ROOT, "loaded %,d meters in %.1f s%n", count(jdbc),
                    (System.nanoTime() - start) / 1e9);
            MeterService meters = context.getBean(MeterService.class);
            UserDetailsService users = context.getBean(UserDetailsService.class);
            List<MeterSort> byAddress = List.of(MeterSort.byAddress());
            long buildingB = jdbc.queryForObject("select id from building where code = 'B'", Long.class);

            for (String operator : List.of("finance", "clerk")) {
                LoginSupport.loginAs(users, operator);
                report(operator, "open grid: count + first page", () -> firstPage(meters, MeterFilter.none(), byAddress));
                report(operator, "building + billing mode filter", () -> firstPage(meters,
                        MeterFilter.none().withBuilding(buildingB).withBillingMode(BillingMode.PREPAID), byAddress));
                report(operator, "protocol filter, sorted by room", () -> firstPage(meters,
                        MeterFilter.none().withProtocol(MeterProtocol.DLT645_1997),
                        List.of(new MeterSort(MeterSort.Column.ROOM, true))));
                report(operator, "free text (address part)", () -> firstPage(meters,
                        MeterFilter.none().withText("0004321"), byAddress));
                report(operator, "free text (phone part)", () -> firstPage(meters,
                        MeterFilter.none().withText("1380004"), byAddress));
                report(operator, "page 1,000 of the grid", () -> meters.page(MeterFilter.none(), 50_000, PAGE, byAddress));
                LoginSupport.logout();
            }
        }
    }

    private static List<MeterRow> firstPage(MeterService meters, MeterFilter filter, List<MeterSort> sorts) {
        long total = meters.count(filter);
        List<MeterRow> rows = meters.page(filter, 0, PAGE, sorts);
        if (total > 0 && rows.isEmpty()) {
            throw new IllegalStateException("count and page disagree");
        }
        return rows;
    }

    private static void report(String operator, String name, Supplier<?> action) {
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
        System.out.printf(Locale.ROOT, "| %-8s | %-32s | %7.1f | %7.1f | %7.1f |%n", operator, name,
                millis[MEASURED / 2], millis[(int) (MEASURED * 0.95)], millis[MEASURED - 1]);
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select count(*) from meter", Long.class);
    }

    /** 100,000 prepaid and post-paid meters with households, spread over the demo park's boxes. */
    private static void loadMeters(JdbcTemplate jdbc) {
        List<long[]> boxes = jdbc.query("select id, floor_id, building_id from distribution_box order by id",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
        int batch = 5_000;
        for (int from = 0; from < METERS; from += batch) {
            List<Object[]> households = new ArrayList<>();
            List<Object[]> meterRows = new ArrayList<>();
            List<Object[]> phones = new ArrayList<>();
            long firstHousehold = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from household", Long.class);
            for (int i = from; i < from + batch; i++) {
                long[] box = boxes.get(i % boxes.size());
                long householdId = firstHousehold + (i - from);
                households.add(new Object[] {householdId, box[2], "R" + i, "户" + i});
                phones.add(new Object[] {householdId, 0, String.format("138%08d", i)});
                meterRows.add(new Object[] {String.format("%012d", 500_000_000L + i),
                        "R" + i + " 户" + i + " " + String.format("138%08d", i),
                        i % 10 == 0 ? "DLT645_1997" : "DLT645_2007", box[2], box[1], box[0], householdId,
                        i % 7 == 0 ? "POSTPAID" : "PREPAID"});
            }
            jdbc.batchUpdate("insert into household (id, building_id, room, name) values (?, ?, ?, ?)", households);
            jdbc.batchUpdate("insert into household_phone (household_id, position, phone) values (?, ?, ?)", phones);
            jdbc.batchUpdate("""
                    insert into meter (address, household_search, protocol, phase, building_id, floor_id, box_id, household_id,
                      billing_mode, state, ct_ratio, pt_ratio)
                    values (?, ?, ?, 'THREE', ?, ?, ?, ?, ?, 'ACTIVE', 1, 1)""", meterRows);
        }
    }
}
