package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.Permission;

/**
 * Meters whose clock is off (issue item 7), from the METER_TIME values the cycles already read:
 * each is the meter's clock minus the engine's at the moment of reading, in seconds. Only each
 * meter's latest value counts, so a meter set right by the daily broadcast drops off the list
 * after its next cycle. Scoped to the operator's district like the archive.
 */
@Service
public class ClockDriftReport {

    /** One meter whose last read clock was off by more than the threshold. */
    public record MeterDrift(long meterId, String address, long offsetSeconds, Instant readAt) {
    }

    private final JdbcTemplate jdbc;
    private final CurrentOperator currentOperator;
    private final CollectionProperties properties;

    ClockDriftReport(JdbcTemplate jdbc, CurrentOperator currentOperator, CollectionProperties properties) {
        this.jdbc = jdbc;
        this.currentOperator = currentOperator;
        this.properties = properties;
    }

    /** Worst first, with the configured threshold ({@code jichao.collection.clocks.drift-threshold}). */
    @Transactional(readOnly = true)
    public List<MeterDrift> driftingMeters() {
        return driftingMeters(properties.clocks().driftThreshold());
    }

    @Transactional(readOnly = true)
    public List<MeterDrift> driftingMeters(Duration threshold) {
        var operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        DistrictScope district = operator.district();
        long limit = threshold.toSeconds();
        return jdbc.query("""
                SELECT m.id, m.address, m.building_id, m.box_id, r.value, r.read_at FROM reading r
                JOIN meter m ON m.id = r.meter_id
                WHERE r.item = 'METER_TIME' AND ABS(r.value) > ?
                  AND r.read_at = (SELECT MAX(l.read_at) FROM reading l WHERE l.meter_id = r.meter_id AND l.item = 'METER_TIME')
                ORDER BY ABS(r.value) DESC, m.address""",
                (row, n) -> district.covers(row.getLong(3), row.getObject(4, Long.class))
                        ? new MeterDrift(row.getLong(1), row.getString(2), row.getBigDecimal(5).longValue(),
                                row.getTimestamp(6).toInstant())
                        : null,
                BigDecimal.valueOf(limit)).stream().filter(Objects::nonNull).distinct().toList();
    }
}
