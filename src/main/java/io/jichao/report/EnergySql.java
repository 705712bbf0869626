package io.jichao.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.jichao.collection.PeriodEnergy;
import io.jichao.collection.RegisterDelta;

/**
 * Usage over the energy aggregates: one statement reads the scope's closings of the period (and of
 * the interval before it) in primary-key order, and one pass applies {@code EnergyUsageService}'s
 * rule to many meters at once: an interval's usage is its closing minus the closing of the interval
 * just before, only when both rows exist (a gap leaves the interval missing, never zero), by the
 * product's one register rule {@link RegisterDelta#unitsBetween} (roll-over followed; any other step
 * back is a replaced or reset meter: missing), times the meter's CT × PT, as {@link PeriodEnergy}
 * counts it for settlement and statements. Registers have four
 * decimals, so the pass adds exact integers of 0.0001 kWh; callers round once.
 *
 * <p>Why not in SQL: a {@code LAG} window or a self-join on the previous interval made MariaDB
 * materialise or look up every row again and took 2.5-6 × as long as streaming the rows
 * (docs/benchmarks.md, "Energy reports").
 */
final class EnergySql {

    /** Known usage of intervals and how many intervals it covers. */
    record Sum(BigDecimal kwh, int intervals) {
        static final Sum NONE = new Sum(BigDecimal.ZERO, 0);
    }

    private static final String CLOSINGS = """
            SELECT e.meter_id, TIMESTAMPDIFF(%3$s, :first, e.%2$s), CAST(e.register_kwh * 10000 AS SIGNED),
                   f.ct_ratio * f.pt_ratio
              FROM %1$s e JOIN meter f ON f.id = e.meter_id
             WHERE e.meter_id IN (SELECT m.id FROM meter m WHERE %4$s)
               AND e.%2$s >= :lookBack AND e.%2$s < :end
             ORDER BY e.meter_id, e.%2$s""";

    private final NamedParameterJdbcTemplate jdbc;

    EnergySql(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per UTC hour start in [first, end): the scope's known usage. */
    Map<Instant, Sum> hourly(ReportScope scope, Instant first, Instant end) {
        int count = (int) ChronoUnit.HOURS.between(first, end);
        PerInterval sums = new PerInterval(count);
        scan(CLOSINGS.formatted("energy_hourly", "hour_start", "HOUR", scope.condition()),
                params(scope, utc(first.minus(1, ChronoUnit.HOURS)), utc(first), utc(end)), count, sums);
        Map<Instant, Sum> byHour = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (sums.intervals[i] > 0) {
                byHour.put(first.plus(i, ChronoUnit.HOURS), new Sum(BigDecimal.valueOf(sums.units[i], 4), sums.intervals[i]));
            }
        }
        return byHour;
    }

    /** Per Shanghai day in [first, last]: the scope's known usage. */
    Map<LocalDate, Sum> daily(ReportScope scope, LocalDate first, LocalDate last) {
        int count = (int) ChronoUnit.DAYS.between(first, last) + 1;
        PerInterval sums = new PerInterval(count);
        scan(CLOSINGS.formatted("energy_daily", "day", "DAY", scope.condition()),
                params(scope, first.minusDays(1), first, last.plusDays(1)), count, sums);
        Map<LocalDate, Sum> byDay = new HashMap<>();
        for (int i = 0; i < count; i++) {
            if (sums.intervals[i] > 0) {
                byDay.put(first.plusDays(i), new Sum(BigDecimal.valueOf(sums.units[i], 4), sums.intervals[i]));
            }
        }
        return byDay;
    }

    /** Per meter of the scope: its known usage over the Shanghai days [first, last]. */
    Map<Long, Sum> dailyPerMeter(ReportScope scope, LocalDate first, LocalDate last) {
        int count = (int) ChronoUnit.DAYS.between(first, last) + 1;
        Map<Long, long[]> perMeter = new HashMap<>();
        scan(CLOSINGS.formatted("energy_daily", "day", "DAY", scope.condition()),
                params(scope, first.minusDays(1), first, last.plusDays(1)), count, (meter, interval, units) -> {
                    long[] sum = perMeter.computeIfAbsent(meter, m -> new long[2]);
                    sum[0] += units;
                    sum[1]++;
                });
        Map<Long, Sum> sums = new HashMap<>();
        perMeter.forEach((meter, sum) -> sums.put(meter, new Sum(BigDecimal.valueOf(sum[0], 4), (int) sum[1])));
        return sums;
    }

    /** Gets each known interval's usage in 0.0001 kWh, CT × PT applied. */
    private interface Sink {
        void add(long meterId, int interval, long units);
    }

    private static final class PerInterval implements Sink {
        private final long[] units;
        private final int[] intervals;

        PerInterval(int count) {
            units = new long[count];
            intervals = new int[count];
        }

        @Override
        public void add(long meterId, int interval, long used) {
            units[interval] += used;
            intervals[interval]++;
        }
    }

    /** Rows come per meter in interval order; interval −1 is the closing before the period. */
    private void scan(String sql, MapSqlParameterSource params, int count, Sink sink) {
        long[] previous = {Long.MIN_VALUE, 0, 0};
        jdbc.query(sql, params, row -> {
            long meter = row.getLong(1);
            int interval = row.getInt(2);
            long register = row.getLong(3);
            if (meter == previous[0] && interval == previous[1] + 1 && interval >= 0 && interval < count) {
                long used = RegisterDelta.unitsBetween(previous[2], register);
                if (used >= 0) {
                    sink.add(meter, interval, used * row.getInt(4));
                }
            }
            previous[0] = meter;
            previous[1] = interval;
            previous[2] = register;
        });
    }

    private static MapSqlParameterSource params(ReportScope scope, Object lookBack, Object first, Object end) {
        return new MapSqlParameterSource(scope.params().getValues()).addValue("lookBack", lookBack)
                .addValue("first", first).addValue("end", end);
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
