package io.jichao.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code meter_status} from the engine's in-memory {@link MeterHealth}. The engine's copy is
 * the authority while it runs, so a failed write is logged and simply overwritten by the next one.
 */
public final class MeterStatusStore {

    private static final Logger log = LoggerFactory.getLogger(MeterStatusStore.class);
    private static final String UPSERT = """
            INSERT INTO meter_status (meter_id, last_attempt_at, last_success_at, consecutive_failures, last_error)
            VALUES (?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE last_attempt_at = VALUES(last_attempt_at), last_success_at = VALUES(last_success_at),
                consecutive_failures = VALUES(consecutive_failures), last_error = VALUES(last_error)""";

    private final JdbcTemplate jdbc;

    public MeterStatusStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(MeterHealth health) {
        try {
            jdbc.update(UPSERT, health.meterId(), timestamp(health.lastAttemptAt()), timestamp(health.lastSuccessAt()),
                    health.consecutiveFailures(), truncate(health.lastError()));
        } catch (DataAccessException unavailable) {
            log.warn("meter_status of meter {} not stored: {}", health.meterId(), unavailable.getMostSpecificCause().toString());
        }
    }

    /**
     * Every stored status, for an engine that starts: without it the first read after a restart
     * would not know when the meter was last read, and a gap spanning the restart would not be
     * back-filled.
     */
    public List<MeterHealth> loadAll() {
        return jdbc.query("SELECT meter_id, last_attempt_at, last_success_at, consecutive_failures, last_error"
                        + " FROM meter_status",
                (row, n) -> new MeterHealth(row.getLong(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)),
                        row.getInt(4), row.getString(5)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 200 ? error : error.substring(0, 200);
    }
}
