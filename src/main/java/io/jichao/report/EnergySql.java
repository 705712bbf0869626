package io.jichao.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Usage over the energy aggregates in one statement: per meter, each stored closing minus the
 * previous stored closing (window {@code LAG}), kept only when the previous row is the interval just
 * before (a gap leaves the interval missing, never zero) and the register went up or rolled over from
 * ≥ 900,000 to < 100,000 kWh (modulus 1,000,000; any other step back is a replaced or reset meter:
 * missing). This is {@code EnergyUsageService}'s rule, applied to many meters at once, with the
 * meter's CT × PT multiplier. Sums are exact; callers round once.
 */
final class EnergySql {

    /** Known usage of intervals and how many intervals it covers. */
    record Sum(BigDecimal kwh, int intervals) {
        static final Sum NONE = new Sum(BigDecimal.ZERO, 0);

        Sum plus(Sum other) {
            return new Sum(kwh.add(other.kwh), intervals + other.intervals);
        }
    }

    private static final String USAGE = """
            SELECT %1$s, SUM(u.used * m.ct_ratio * m.pt_ratio), COUNT(*)
              FROM (SELECT w.meter_id, w.%2$s AS interval_start,
                           CASE WHEN w.register_kwh >= w.previous THEN w.register_kwh - w.previous
                                WHEN w.previous >= 900000 AND w.register_kwh < 100000
                                THEN w.register_kwh + 1000000 - w.previous END AS used
                      FROM (SELECT e.meter_id, e.%2$s, e.register_kwh,
                                   LAG(e.register_kwh) OVER (PARTITION BY e.meter_id ORDER BY e.%2$s) AS previous,
                                   LAG(e.%2$s) OVER (PARTITION BY e.meter_id ORDER BY e.%2$s) AS previous_start
                              FROM %3$s e
                             WHERE e.meter_id IN (SELECT m.id FROM meter m WHERE %4$s)
                               AND e.%2$s >= :lookBack AND e.%2$s < :end) w
                     WHERE w.%2$s >= :first AND w.previous_start = w.%2$s - INTERVAL 1 %5$s) u
              JOIN meter m ON m.id = u.meter_id
             WHERE u.used IS NOT NULL
             GROUP BY %1$s""";

    private final NamedParameterJdbcTemplate jdbc;

    EnergySql(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per UTC hour start in [first, end): the scope's known usage. */
    Map<Instant, Sum> hourly(ReportScope scope, Instant first, Instant end) {
        Map<Instant, Sum> sums = new HashMap<>();
        jdbc.query(hourlySql("u.interval_start", scope), hourParams(scope, first, end), row -> {
            sums.put(row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    new Sum(row.getBigDecimal(2), row.getInt(3)));
        });
        return sums;
    }

    /** Per Shanghai day in [first, last]: the scope's known usage. */
    Map<LocalDate, Sum> daily(ReportScope scope, LocalDate first, LocalDate last) {
        Map<LocalDate, Sum> sums = new HashMap<>();
        jdbc.query(dailySql("u.interval_start", scope), dayParams(scope, first, last), row -> {
            sums.put(row.getObject(1, LocalDate.class), new Sum(row.getBigDecimal(2), row.getInt(3)));
        });
        return sums;
    }

    /** Per meter of the scope: its known usage over the Shanghai days [first, last]. */
    Map<Long, Sum> dailyPerMeter(ReportScope scope, LocalDate first, LocalDate last) {
        Map<Long, Sum> sums = new HashMap<>();
        jdbc.query(dailySql("u.meter_id", scope), dayParams(scope, first, last), row -> {
            sums.put(row.getLong(1), new Sum(row.getBigDecimal(2), row.getInt(3)));
        });
        return sums;
    }

    private static String hourlySql(String groupBy, ReportScope scope) {
        return USAGE.formatted(groupBy, "hour_start", "energy_hourly", scope.condition(), "HOUR");
    }

    private static String dailySql(String groupBy, ReportScope scope) {
        return USAGE.formatted(groupBy, "day", "energy_daily", scope.condition(), "DAY");
    }

    private static MapSqlParameterSource hourParams(ReportScope scope, Instant first, Instant end) {
        return copy(scope).addValue("lookBack", utc(first.minusSeconds(3600))).addValue("first", utc(first))
                .addValue("end", utc(end));
    }

    private static MapSqlParameterSource dayParams(ReportScope scope, LocalDate first, LocalDate last) {
        return copy(scope).addValue("lookBack", first.minusDays(1)).addValue("first", first)
                .addValue("end", last.plusDays(1));
    }

    private static MapSqlParameterSource copy(ReportScope scope) {
        return new MapSqlParameterSource(scope.params().getValues());
    }

    private static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
