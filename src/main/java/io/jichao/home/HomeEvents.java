package io.jichao.home;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.jichao.alarm.AlarmChanged;
import io.jichao.collection.ScheduleProgress;
import io.jichao.prepaid.RechargeOrderChanged;
import io.jichao.prepaid.RechargeOrderPlaced;

/**
 * Tells the open home pages that one of their figures may have changed: an alarm raised,
 * acknowledged or cleared, a recharge placed or moved on, a schedule run finished in this process.
 * Delivery starts after the publisher's commit (the page reads the figures again and must see the
 * change); listeners hand it on at once (a view starts its reload, which coalesces a storm of
 * changes into one load at a time). Figures without an event (engine links, low remaining
 * energy) are read again on each change and when the page is opened.
 */
@Component
public class HomeEvents implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HomeEvents.class);

    /** A subscription's handle; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Runnable scheduleSubscription;

    HomeEvents(ScheduleProgress schedules) {
        this.scheduleSubscription = schedules.subscribeFinished(scheduleId -> changed());
    }

    public Subscription subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many open home pages listen (tests, monitoring). */
    public int subscribers() {
        return listeners.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void alarmChanged(AlarmChanged event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void rechargeOrderChanged(RechargeOrderChanged event) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void rechargeOrderPlaced(RechargeOrderPlaced event) {
        changed();
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("A home page could not take a change: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        scheduleSubscription.run();
    }
}
