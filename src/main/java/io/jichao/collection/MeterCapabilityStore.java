package io.jichao.collection;

import java.sql.Timestamp;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code meter_capability} rows (Liquibase 0030): the refusals of {@link MeterCapabilities},
 * so a restart does not ask every meter its refused items again. Changes are rare (a new meter, a
 * daily re-probe), so each is written at once on the reading thread (a port's virtual thread or an
 * operator's request, never an event loop). While the database refuses, the engine's memory stays
 * the authority and the change is logged; the next change of that item writes it again.
 */
public final class MeterCapabilityStore {

    private static final Logger log = LoggerFactory.getLogger(MeterCapabilityStore.class);

    private final JdbcTemplate jdbc;

    public MeterCapabilityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<MeterCapabilities.Refusal> loadAll() {
        return jdbc.query("SELECT meter_id, data_item, refused_at FROM meter_capability",
                (row, n) -> new MeterCapabilities.Refusal(row.getLong(1), row.getString(2),
                        row.getTimestamp(3).toInstant()));
    }

    public void save(MeterCapabilities.Refusal change) {
        try {
            if (change.refusedAt() == null) {
                jdbc.update("DELETE FROM meter_capability WHERE meter_id = ? AND data_item = ?", change.meterId(),
                        change.dataItem());
            } else {
                jdbc.update("""
                        INSERT INTO meter_capability (meter_id, data_item, refused_at) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE refused_at = VALUES(refused_at)""", change.meterId(),
                        change.dataItem(), Timestamp.from(change.refusedAt()));
            }
        } catch (DataAccessException unavailable) {
            log.warn("Capability of meter {} ({}) not stored: {}", change.meterId(), change.dataItem(),
                    unavailable.getMostSpecificCause().toString());
        }
    }
}
