package io.jichao.collection.control;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import io.jichao.prepaid.RegisterReading;

/**
 * The stored forward active register readings host-side prepaid debits from, a chunk of meters
 * per statement: the HOST_PREPAID meters among some meters, and their readings after a time.
 */
final class HostReadings {

    private final NamedParameterJdbcTemplate jdbc;

    HostReadings(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The meters among {@code meterIds} billed host-side (active or not: the debit decides). */
    List<Long> hostMeters(Collection<Long> meterIds) {
        return jdbc.queryForList("select id from meter where id in (:ids) and billing_mode = 'HOST_PREPAID'",
                new MapSqlParameterSource("ids", meterIds), Long.class);
    }

    /**
     * Per meter: the ACTIVE_ENERGY readings after its time in {@code after}, or, for a meter not
     * yet debited (absent), its latest reading only, which starts its debiting.
     */
    Map<Long, List<RegisterReading>> after(Collection<Long> meterIds, Map<Long, Instant> after) {
        Map<Long, List<RegisterReading>> readings = new HashMap<>();
        meterIds.forEach(id -> readings.put(id, new ArrayList<>()));
        List<Long> started = meterIds.stream().filter(after::containsKey).toList();
        if (!started.isEmpty()) {
            Instant oldest = started.stream().map(after::get).min(Instant::compareTo).orElseThrow();
            jdbc.query("""
                    select meter_id, read_at, value from reading
                    where meter_id in (:ids) and item = 'ACTIVE_ENERGY' and read_at > :after""",
                    new MapSqlParameterSource("ids", started).addValue("after", Timestamp.from(oldest)), rs -> {
                        long meter = rs.getLong(1);
                        Instant at = rs.getTimestamp(2).toInstant();
                        if (at.isAfter(after.get(meter))) {
                            readings.get(meter).add(new RegisterReading(at, rs.getBigDecimal(3)));
                        }
                    });
        }
        Set<Long> fresh = new java.util.HashSet<>(meterIds);
        fresh.removeAll(started);
        if (!fresh.isEmpty()) {
            jdbc.query("""
                    select r.meter_id, r.read_at, r.value from reading r
                    where r.meter_id in (:ids) and r.item = 'ACTIVE_ENERGY' and r.read_at = (
                        select max(l.read_at) from reading l where l.meter_id = r.meter_id and l.item = 'ACTIVE_ENERGY')""",
                    new MapSqlParameterSource("ids", fresh), rs -> {
                        readings.get(rs.getLong(1)).add(new RegisterReading(rs.getTimestamp(2).toInstant(),
                                rs.getBigDecimal(3)));
                    });
        }
        return readings;
    }
}
