package io.jichao.prepaid;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.jichao.archive.MeterService;

/**
 * Pushes recharge order changes to the pages that show the meter's orders, so the clerk sees
 * "confirmed" as soon as the engine's read-back committed instead of at the next poll. Delivery
 * starts after the publisher's commit (a page reads the order again and must see the new state) and
 * runs on a virtual thread, so the engine's thread that reported the change never waits on a page.
 * Listeners hand the change on at once (a view uses {@code UI.access}); one that throws is logged
 * and does not stop the others.
 */
@Component
public class RechargeOrderEvents {

    private static final Logger log = LoggerFactory.getLogger(RechargeOrderEvents.class);
    private static final ExecutorService DELIVERY = Executors.newVirtualThreadPerTaskExecutor();

    private final MeterService meters;
    private final Map<Long, List<Consumer<RechargeOrderChanged>>> listeners = new ConcurrentHashMap<>();

    RechargeOrderEvents(MeterService meters) {
        this.meters = meters;
    }

    /** A subscription's handle; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Delivers every later change of the meter's orders to {@code listener}. Refused ("not found")
     * for a meter outside the operator's district, like any archive access.
     */
    public Subscription subscribe(long meterId, Consumer<RechargeOrderChanged> listener) {
        meters.get(meterId);
        listeners.computeIfAbsent(meterId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(meterId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** How many open pages follow the meter's orders (tests, monitoring). */
    public int subscribers(long meterId) {
        List<Consumer<RechargeOrderChanged>> current = listeners.get(meterId);
        return current == null ? 0 : current.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(RechargeOrderChanged change) {
        List<Consumer<RechargeOrderChanged>> current = listeners.get(change.meterId());
        if (current == null) {
            return;
        }
        for (Consumer<RechargeOrderChanged> listener : current) {
            DELIVERY.execute(() -> {
                try {
                    listener.accept(change);
                } catch (RuntimeException e) {
                    log.debug("Listener of the orders of meter {} failed: {}", change.meterId(), e.toString());
                }
            });
        }
    }
}
