package io.jichao.report;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Cost probes behind {@link EnergySql}'s design, run by {@link EnergyReportBench} with
 * {@code -Dbench.variants=true}: the same month of one building's hourly closings summed by a
 * {@code LAG} window, by a self-join on the previous hour, only scanned (the floor), and streamed to
 * Java (what {@link EnergySql} does). The self-join leaves out the roll-over rule: it measures cost,
 * not figures. Prints each plan's EXPLAIN and the median of eight runs.
 */
final class UsageSqlVariants {

    private UsageSqlVariants() {
    }

    static void run(NamedParameterJdbcTemplate jdbc, long building, LocalDateTime first, LocalDateTime end) {
        MapSqlParameterSource p = new MapSqlParameterSource("b", building).addValue("first", first)
                .addValue("lookBack", first.minusHours(1)).addValue("end", end);
        String window = """
            SELECT w.hour_start, SUM(w.used * w.factor), COUNT(*) FROM (
              SELECT e.hour_start, m.ct_ratio * m.pt_ratio AS factor,
                CASE WHEN e.register_kwh >= LAG(e.register_kwh) OVER w THEN e.register_kwh - LAG(e.register_kwh) OVER w END AS used,
                LAG(e.hour_start) OVER w AS prev
              FROM energy_hourly e JOIN meter m ON m.id = e.meter_id
              WHERE e.meter_id IN (SELECT x.id FROM meter x WHERE x.building_id = :b) AND e.hour_start >= :lookBack AND e.hour_start < :end
              WINDOW w AS (PARTITION BY e.meter_id ORDER BY e.hour_start)) w
            WHERE w.hour_start >= :first AND w.prev = w.hour_start - INTERVAL 1 HOUR AND w.used IS NOT NULL
            GROUP BY w.hour_start""";
        String selfJoin = """
            SELECT e.hour_start, SUM((e.register_kwh - q.register_kwh) * m.ct_ratio), COUNT(*)
              FROM energy_hourly e JOIN meter m ON m.id = e.meter_id
              JOIN energy_hourly q ON q.meter_id = e.meter_id AND q.hour_start = e.hour_start - INTERVAL 1 HOUR
             WHERE e.meter_id IN (SELECT x.id FROM meter x WHERE x.building_id = :b) AND e.hour_start >= :first AND e.hour_start < :end
               AND e.register_kwh >= q.register_kwh GROUP BY e.hour_start""";
        String fetch = """
            SELECT e.meter_id, TIMESTAMPDIFF(HOUR, :first, e.hour_start), CAST(e.register_kwh * 10000 AS SIGNED), m.ct_ratio * m.pt_ratio
              FROM energy_hourly e JOIN meter m ON m.id = e.meter_id
             WHERE e.meter_id IN (SELECT x.id FROM meter x WHERE x.building_id = :b) AND e.hour_start >= :lookBack AND e.hour_start < :end""";
        String scanOnly = """
            SELECT COUNT(*), SUM(e.register_kwh) FROM energy_hourly e
             WHERE e.meter_id IN (SELECT x.id FROM meter x WHERE x.building_id = :b) AND e.hour_start >= :lookBack AND e.hour_start < :end""";
        for (String sql : new String[] {window, selfJoin, fetch}) {
            jdbc.query("EXPLAIN " + sql, p, rs -> {
                System.out.println("explain " + rs.getString("table") + " " + rs.getString("type") + " key=" + rs.getString("key")
                        + " rows=" + rs.getString("rows") + " extra=" + rs.getString("Extra"));
            });
            System.out.println("--");
        }
        time("window (IN)", () -> jdbc.queryForList(window, p));
        time("self join", () -> jdbc.queryForList(selfJoin, p));
        time("scan only (count)", () -> jdbc.queryForList(scanOnly, p));
        time("stream rows to Java", () -> {
            long[] sums = new long[800];
            long[] prev = {-1, 0, 0};
            jdbc.query(fetch, p, rs -> {
                long meter = rs.getLong(1);
                int hour = rs.getInt(2);
                long reg = rs.getLong(3);
                if (meter == prev[0] && hour == prev[1] + 1 && hour >= 0 && reg >= prev[2]) {
                    sums[hour] += (reg - prev[2]) * rs.getInt(4);
                }
                prev[0] = meter;
                prev[1] = hour;
                prev[2] = reg;
            });
            return sums;
        });
    }

    private static void time(String name, Supplier<?> action) {
        action.get();
        double[] ms = new double[8];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            action.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "variant %-22s median %7.1f min %7.1f%n", name, ms[4], ms[0]);
    }
}
