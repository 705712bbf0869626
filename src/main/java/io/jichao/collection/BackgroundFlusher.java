package io.jichao.collection;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One daemon thread that calls a flush every {@code flushInterval} and, while the flush reports
 * failure (the database refuses), waits twice as long each time up to {@code maxBackoff}. Shared
 * by the stores that buffer in memory and write in the background.
 */
final class BackgroundFlusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BackgroundFlusher.class);

    private final ScheduledExecutorService thread;
    private final CollectionProperties.Writer settings;
    private final BooleanSupplier flush;
    private Duration backoff;

    /** {@code flush} returns false when it could not write; it is first called after one interval. */
    BackgroundFlusher(String threadName, CollectionProperties.Writer settings, BooleanSupplier flush) {
        this.thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(threadName).daemon(true).factory());
        this.settings = settings;
        this.flush = flush;
        this.backoff = settings.flushInterval();
        thread.schedule(this::flushAndReschedule, settings.flushInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops the thread (interrupting a flush under way); the owner flushes once more itself. */
    @Override
    public void close() {
        thread.shutdownNow();
    }

    private void flushAndReschedule() {
        boolean ok;
        try {
            ok = flush.getAsBoolean();
        } catch (RuntimeException unexpected) {
            log.error("Background write failed unexpectedly", unexpected);
            ok = false;
        }
        if (ok) {
            backoff = settings.flushInterval();
        } else {
            Duration doubled = backoff.multipliedBy(2);
            backoff = doubled.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : doubled;
        }
        if (!thread.isShutdown()) {
            thread.schedule(this::flushAndReschedule, backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
