package io.jichao.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes {@code meter_status} from the engine's in-memory {@link MeterHealth}, in the background.
 *
 * <p>{@link #save} only records the meter's latest health in memory (one entry per meter, so the
 * pending set is bounded by the number of meters and a newer state replaces an unwritten older
 * one); a background thread upserts what is pending in JDBC batches every {@code flushInterval}.
 * The engine's copy is the authority while it runs, so while the database refuses, the pending
 * states simply wait (retried with back-off up to {@code maxBackoff}) and the latest one per meter
 * is written when it returns. While the reading writer is backlogged the background write gives
 * way to it for up to {@code maxBackoff}. {@link #close} writes what is left on shutdown. It uses the reading
 * writer's settings ({@code jichao.collection.writer.*}: batch size, flush interval, back-off); its
 * buffer needs no bound of its own.
 */
public final class MeterStatusStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MeterStatusStore.class);
    private static final String UPSERT = """
            INSERT INTO meter_status (meter_id, last_attempt_at, last_success_at, consecutive_failures, last_error,
                                      missing_items, unsupported_items)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE last_attempt_at = VALUES(last_attempt_at), last_success_at = VALUES(last_success_at),
                consecutive_failures = VALUES(consecutive_failures), last_error = VALUES(last_error),
                missing_items = VALUES(missing_items), unsupported_items = VALUES(unsupported_items)""";

    private final JdbcTemplate jdbc;
    private final CollectionProperties.Writer settings;
    private final Map<Long, MeterHealth> pending = new ConcurrentHashMap<>();
    /** Held while a batch is taken and written, so an older state never overwrites a newer one. */
    private final Object writing = new Object();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private final BackgroundFlusher flusher;
    private final BooleanSupplier readingsBacklogged;
    /** When the background write first gave way to a reading backlog (nanoTime), 0 when it did not. */
    private long yieldingSince;

    public MeterStatusStore(JdbcTemplate jdbc, CollectionProperties.Writer settings) {
        this(jdbc, settings, () -> false);
    }

    /**
     * @param readingsBacklogged true while the reading writer has more than a batch waiting: the
     *                           background write then waits (at most {@code maxBackoff}), so the
     *                           readings, which exist nowhere else, get the database first
     */
    public MeterStatusStore(JdbcTemplate jdbc, CollectionProperties.Writer settings, BooleanSupplier readingsBacklogged) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.readingsBacklogged = readingsBacklogged;
        this.flusher = new BackgroundFlusher("meter-status-writer", settings, this::flushUnlessReadingsWait);
    }

    /** Records the meter's latest health for the next background write; never touches the database. */
    public void save(MeterHealth health) {
        pending.put(health.meterId(), health);
    }

    /** Records and writes the meter's health at once (an operator's "read now" shows it right away). */
    public void saveNow(MeterHealth health) {
        synchronized (writing) {
            pending.put(health.meterId(), health);
            write(List.of(health));
        }
    }

    /** States waiting to be written. */
    public int pending() {
        return pending.size();
    }

    public long written() {
        return written.get();
    }

    public long failedFlushes() {
        return failedFlushes.get();
    }

    /** Writes every pending state now, batch by batch; false when the database refused. */
    public boolean flush() {
        synchronized (writing) {
            while (!pending.isEmpty()) {
                if (!write(nextBatch())) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Every stored status, for an engine that starts: without it the first read after a restart
     * would not know when the meter was last read, and a gap spanning the restart would not be
     * back-filled. Pending states are written first, so what is read back is current.
     */
    public List<MeterHealth> loadAll() {
        flush();
        return jdbc.query("SELECT meter_id, last_attempt_at, last_success_at, consecutive_failures, last_error,"
                        + " missing_items, unsupported_items FROM meter_status",
                (row, n) -> new MeterHealth(row.getLong(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)),
                        row.getInt(4), row.getString(5), ReadingItemList.parse(row.getString(6)),
                        ReadingItemList.parse(row.getString(7))));
    }

    @Override
    public void close() {
        flusher.close();
        if (!flush()) {
            log.warn("{} meter states not stored at shutdown (the database refused)", pending.size());
        }
    }

    private List<MeterHealth> nextBatch() {
        List<MeterHealth> batch = new ArrayList<>(Math.min(pending.size(), settings.batchSize()));
        Iterator<MeterHealth> states = pending.values().iterator();
        while (states.hasNext() && batch.size() < settings.batchSize()) {
            batch.add(states.next());
        }
        return batch;
    }

    /** Upserts the batch; on success removes each state unless a newer one arrived meanwhile. */
    private boolean write(List<MeterHealth> batch) {
        if (batch.isEmpty()) {
            return true;
        }
        try {
            jdbc.batchUpdate(UPSERT, batch, batch.size(), (statement, health) -> {
                statement.setLong(1, health.meterId());
                statement.setTimestamp(2, timestamp(health.lastAttemptAt()));
                statement.setTimestamp(3, timestamp(health.lastSuccessAt()));
                statement.setInt(4, health.consecutiveFailures());
                statement.setString(5, truncate(health.lastError()));
                statement.setString(6, ReadingItemList.format(health.missing()));
                statement.setString(7, ReadingItemList.format(health.unsupported()));
            });
        } catch (DataAccessException unavailable) {
            failedFlushes.incrementAndGet();
            log.warn("meter_status of {} meters not stored, kept in memory ({} pending): {}", batch.size(),
                    pending.size(), unavailable.getMostSpecificCause().toString());
            return false;
        }
        for (MeterHealth health : batch) {
            pending.remove(health.meterId(), health);
        }
        written.addAndGet(batch.size());
        return true;
    }

    /** Like {@link #flush}, but stops between batches while the reading writer is backlogged. */
    private boolean flushUnlessReadingsWait() {
        while (!pending.isEmpty() && !yieldsToReadings()) {
            synchronized (writing) {
                if (!write(nextBatch())) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean yieldsToReadings() {
        if (!readingsBacklogged.getAsBoolean()) {
            yieldingSince = 0;
            return false;
        }
        long now = System.nanoTime();
        if (yieldingSince == 0) {
            yieldingSince = now;
        }
        if (now - yieldingSince < settings.maxBackoff().toNanos()) {
            return true;
        }
        yieldingSince = 0;
        return false;
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
