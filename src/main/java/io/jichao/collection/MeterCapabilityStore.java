package io.jichao.collection;

import java.sql.Timestamp;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code meter_capability} rows (Liquibase 0030): the refusals of {@link MeterCapabilities},
 * so a restart does not ask every meter its refused items again. Changes are rare (a new meter, a
 * daily re-probe); {@link #save} hands each to one background writer thread in order, so a reading
 * thread never waits for the database (nor, in an outage, for its connection timeout) and the
 * event loop is never involved. While the database refuses, the engine's memory stays the
 * authority and the change is logged; the next change of that item writes it again.
 */
public final class MeterCapabilityStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeterCapabilityStore.class);

    private final JdbcTemplate jdbc;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("meter-capability-writer").factory());

    public MeterCapabilityStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every stored refusal, after the changes handed over before this call are written. */
    public List<MeterCapabilities.Refusal> loadAll() {
        return CompletableFuture.supplyAsync(() -> jdbc.query(
                "SELECT meter_id, data_item, refused_at FROM meter_capability",
                (row, n) -> new MeterCapabilities.Refusal(row.getLong(1), row.getString(2),
                        row.getTimestamp(3).toInstant())), writer).join();
    }

    /** Queues the change for the background writer; returns at once. */
    public void save(MeterCapabilities.Refusal change) {
        writer.execute(() -> write(change));
    }

    private void write(MeterCapabilities.Refusal change) {
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

    /** Writes what is queued (up to 10 s) and stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Capability changes not all stored at shutdown");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
