package io.jichao.collection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.jichao.archive.MeterService;

/**
 * In-process publish/subscribe of meter read results, so a meter's page shows each new reading
 * (cycle or "read now") as it is taken (R8). Publishers are the threads that complete reads (the
 * cycle's per-port virtual threads, a "read now" request); never the Netty event loop. Listeners
 * must return quickly and hand work to their own thread (a view uses {@code UI.access}); one that
 * throws is logged at WARN with the meter and does not stop the others.
 */
@Component
public class MeterReadEvents {

    private static final Logger log = LoggerFactory.getLogger(MeterReadEvents.class);

    private final MeterService meters;
    private final Map<Long, List<Consumer<MeterReadResult>>> listeners = new ConcurrentHashMap<>();
    private final List<Consumer<MeterReadResult>> everyMeter = new CopyOnWriteArrayList<>();

    MeterReadEvents(MeterService meters) {
        this.meters = meters;
    }

    /** A subscription's handle; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Delivers every later read result of the meter to {@code listener}. Refused ("not found") for a
     * meter outside the operator's district, like any archive access.
     */
    public Subscription subscribe(long meterId, Consumer<MeterReadResult> listener) {
        meters.get(meterId);
        listeners.computeIfAbsent(meterId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(meterId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /**
     * Delivers every later read result of every meter to {@code listener}: for system consumers
     * such as the alarm rules, which act for the whole site and are not reachable from views, so
     * no district applies. The same rules as for a meter's listeners hold: return quickly.
     */
    public Subscription subscribeAll(Consumer<MeterReadResult> listener) {
        everyMeter.add(listener);
        return () -> everyMeter.remove(listener);
    }

    /** Hands a result to the meter's current listeners and the site-wide ones, on the calling thread. */
    public void publish(MeterReadResult result) {
        deliver(result, everyMeter);
        List<Consumer<MeterReadResult>> current = listeners.get(result.meterId());
        if (current != null) {
            deliver(result, current);
        }
    }

    private static void deliver(MeterReadResult result, List<Consumer<MeterReadResult>> current) {
        for (Consumer<MeterReadResult> listener : current) {
            try {
                listener.accept(result);
            } catch (RuntimeException e) {
                log.warn("A listener of meter {}'s read results failed: {}", result.meterId(), e.toString());
            }
        }
    }

    /** How many listeners the meter has now (monitoring, tests). */
    public int subscribers(long meterId) {
        List<Consumer<MeterReadResult>> current = listeners.get(meterId);
        return current == null ? 0 : current.size();
    }
}
