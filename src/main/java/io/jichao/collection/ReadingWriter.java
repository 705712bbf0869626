package io.jichao.collection;

import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Stores readings in JDBC batches from a bounded in-memory buffer, so a cycle never waits for the
 * database and a database outage loses nothing up to the bound.
 *
 * <p>While the database refuses writes, the buffer keeps the readings and the writer tries again
 * after a back-off (the flush interval, doubling up to {@code maxBackoff}). When the buffer is
 * full, the <em>oldest CYCLE</em> readings are dropped first (and counted in {@link #dropped()}):
 * the next cycle reads the same meters again, whereas an operator's or back-fill reading may not
 * come back. Only if the buffer holds nothing but such readings is the oldest of them dropped.
 * The batch being written does not count against the bound and is never dropped: it is on its
 * way to the database (dropping it would count readings as dropped that are then stored).
 *
 * <p>Each batch also updates the hourly and daily energy aggregates ({@link EnergyAggregates}) in
 * its transaction, so a retried batch neither loses nor doubles them.
 */
public final class ReadingWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadingWriter.class);
    private static final String INSERT = """
            INSERT INTO reading (meter_id, item, value, meter_time, read_at, source) VALUES (?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EnergyAggregates aggregates;
    private final TransactionOperations transactions;
    private final CollectionProperties.Writer settings;
    private final ArrayDeque<StoredReading> buffer = new ArrayDeque<>();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failedFlushes = new AtomicLong();
    private final BackgroundFlusher flusher;
    private final List<Consumer<Set<Long>>> storedListeners = new CopyOnWriteArrayList<>();
    /** Held while batches are taken and written: one flush at a time (background or on demand). */
    private final Object writing = new Object();
    /**
     * How many readings at the head of the buffer belong to the batch being written (guarded by
     * {@code buffer}). They are on their way to the database, so overflow neither drops them (they
     * would be counted as dropped and stored) nor counts them against the bound; if their batch
     * fails they count again, and the next submit trims the buffer back to the bound.
     */
    private int inFlight;

    /** {@code transactions} makes each batch all-or-nothing, so a retried batch is never stored twice. */
    public ReadingWriter(JdbcTemplate jdbc, TransactionOperations transactions, CollectionProperties.Writer settings) {
        this.jdbc = jdbc;
        this.aggregates = new EnergyAggregates(jdbc);
        this.transactions = transactions;
        this.settings = settings;
        this.flusher = new BackgroundFlusher("reading-writer", settings, this::flush);
    }

    /**
     * Tells {@code listener} the meters of each batch after the batch committed, on the writing
     * thread (never the Netty event loop): a consumer of stored readings, such as host-side prepaid
     * debiting, hands the IDs to its own thread and reads what it needs from the database. One that
     * throws is logged and does not stop the writer.
     */
    public void onStored(Consumer<Set<Long>> listener) {
        storedListeners.add(listener);
    }

    /** Queues readings for storage; never blocks on the database. */
    public void submit(Collection<StoredReading> readings) {
        synchronized (buffer) {
            for (StoredReading reading : readings) {
                while (buffer.size() - inFlight >= settings.bufferCapacity()) {
                    dropOldest();
                }
                buffer.addLast(reading);
            }
        }
    }

    public int buffered() {
        synchronized (buffer) {
            return buffer.size();
        }
    }

    public long stored() {
        return stored.get();
    }

    public long dropped() {
        return dropped.get();
    }

    public long failedFlushes() {
        return failedFlushes.get();
    }

    /** Writes what is buffered now, batch by batch; false when the database refused. */
    public boolean flush() {
        synchronized (writing) {
            while (true) {
                List<StoredReading> batch = peekBatch();
                if (batch.isEmpty()) {
                    return true;
                }
                try {
                    transactions.executeWithoutResult(status -> {
                        jdbc.batchUpdate(INSERT, batch, batch.size(), (statement, reading) -> {
                            statement.setLong(1, reading.meterId());
                            statement.setString(2, reading.item().name());
                            statement.setBigDecimal(3, reading.value().setScale(4, RoundingMode.HALF_UP));
                            statement.setObject(4, reading.meterTime());
                            statement.setTimestamp(5, Timestamp.from(reading.readAt()));
                            statement.setString(6, reading.source().name());
                        });
                        // Same transaction: a batch and its aggregates land (or are retried) together.
                        aggregates.record(batch.stream().map(EnergyPoint::of).toList());
                    });
                } catch (DataAccessException unavailable) {
                    endFlight();
                    failedFlushes.incrementAndGet();
                    log.warn("Storing {} readings failed, keeping them in memory ({} buffered): {}", batch.size(),
                            buffered(), unavailable.getMostSpecificCause().toString());
                    return false;
                } catch (RuntimeException unexpected) {
                    endFlight();
                    throw unexpected;
                }
                removeStored();
                stored.addAndGet(batch.size());
                announce(batch);
            }
        }
    }

    @Override
    public void close() {
        flusher.close();
        flush();
    }

    private void announce(List<StoredReading> batch) {
        if (storedListeners.isEmpty()) {
            return;
        }
        Set<Long> meters = new LinkedHashSet<>();
        batch.forEach(reading -> meters.add(reading.meterId()));
        for (Consumer<Set<Long>> listener : storedListeners) {
            try {
                listener.accept(Collections.unmodifiableSet(meters));
            } catch (RuntimeException e) {
                log.warn("A listener of stored readings failed: {}", e.toString());
            }
        }
    }

    private List<StoredReading> peekBatch() {
        synchronized (buffer) {
            List<StoredReading> batch = new ArrayList<>(Math.min(buffer.size(), settings.batchSize()));
            Iterator<StoredReading> oldestFirst = buffer.iterator();
            while (oldestFirst.hasNext() && batch.size() < settings.batchSize()) {
                batch.add(oldestFirst.next());
            }
            inFlight = batch.size();
            return batch;
        }
    }

    /** Removes the stored batch: the first {@code inFlight} readings, which overflow never drops. */
    private void removeStored() {
        synchronized (buffer) {
            for (int i = 0; i < inFlight; i++) {
                buffer.removeFirst();
            }
            inFlight = 0;
        }
    }

    private void endFlight() {
        synchronized (buffer) {
            inFlight = 0;
        }
    }

    /** Drops the oldest CYCLE reading that is not being written, else the oldest such reading of any source. */
    private void dropOldest() {
        Iterator<StoredReading> oldestFirst = buffer.iterator();
        for (int i = 0; i < inFlight; i++) {
            oldestFirst.next();
        }
        while (oldestFirst.hasNext()) {
            if (oldestFirst.next().source() == ReadingSource.CYCLE) {
                oldestFirst.remove();
                dropped.incrementAndGet();
                return;
            }
        }
        Iterator<StoredReading> waiting = buffer.iterator();
        for (int i = 0; i < inFlight; i++) {
            waiting.next();
        }
        waiting.next();
        waiting.remove();
        dropped.incrementAndGet();
    }
}
