package io.jichao.collection;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.prepaid.HourlyUsage;
import io.jichao.prepaid.MeteredEnergy;
import io.jichao.shared.Kwh;

/**
 * {@link MeteredEnergy} over {@code energy_hourly}: the opening closing is the latest hour ending
 * at or before the period start, the closing one the latest hour ending at or before its end, each
 * at most {@link #BOUNDARY_TOLERANCE} before its boundary; everything between is counted by
 * {@link PeriodEnergy} with the meter's CT × PT.
 */
@Component
class HourlyPeriodEnergy implements MeteredEnergy {

    /** How far before a boundary a closing may lie and still count as the boundary reading. */
    static final Duration BOUNDARY_TOLERANCE = Duration.ofHours(24);

    private static final String LAST_CLOSING = """
            SELECT hour_start, register_kwh FROM energy_hourly
             WHERE meter_id = :meter AND hour_start BETWEEN :first AND :last
             ORDER BY hour_start DESC LIMIT 1""";

    private final NamedParameterJdbcTemplate jdbc;

    HourlyPeriodEnergy(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public Outcome hourly(long meterId, Instant start, Instant end) {
        List<PeriodEnergy.Closing> opening = jdbc.query(LAST_CLOSING, boundary(meterId, start), this::closing);
        List<PeriodEnergy.Closing> closing = jdbc.query(LAST_CLOSING, boundary(meterId, end), this::closing);
        if (opening.isEmpty() || closing.isEmpty()
                || !closing.getFirst().intervalStart().isAfter(opening.getFirst().intervalStart())) {
            return Outcome.missing(Gap.MISSING_READINGS);
        }
        var params = new MapSqlParameterSource("meter", meterId)
                .addValue("from", utc(opening.getFirst().intervalStart()))
                .addValue("to", utc(closing.getFirst().intervalStart()));
        List<PeriodEnergy.Closing> closings = jdbc.query("""
                SELECT hour_start, register_kwh FROM energy_hourly
                 WHERE meter_id = :meter AND hour_start BETWEEN :from AND :to ORDER BY hour_start""", params,
                this::closing);
        Integer multiplier = jdbc.queryForObject("SELECT ct_ratio * pt_ratio FROM meter WHERE id = :meter", params,
                Integer.class);
        PeriodEnergy.Usage usage = PeriodEnergy.over(closings, multiplier);
        if (usage.broken()) {
            return Outcome.missing(Gap.REGISTER_WENT_BACK);
        }
        List<HourlyUsage> hours = usage.steps().stream()
                .map(step -> new HourlyUsage(step.intervalStart().atZone(ZoneOffset.UTC),
                        Kwh.rounded(step.kwh(), RoundingMode.HALF_UP)))
                .toList();
        return Outcome.of(new Period(usage.total(), hours));
    }

    /** Closings of hours that end in [boundary − tolerance, boundary]. */
    private static MapSqlParameterSource boundary(long meterId, Instant boundary) {
        return new MapSqlParameterSource("meter", meterId)
                .addValue("first", utc(boundary.minus(BOUNDARY_TOLERANCE).minusSeconds(3600)))
                .addValue("last", utc(boundary.minusSeconds(3600)));
    }

    private PeriodEnergy.Closing closing(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PeriodEnergy.Closing(rs.getTimestamp("hour_start").toLocalDateTime().toInstant(ZoneOffset.UTC),
                rs.getBigDecimal("register_kwh"));
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
