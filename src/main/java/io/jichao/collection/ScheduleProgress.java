package io.jichao.collection;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The live progress of the schedule runs in this process, by schedule id. A process without the
 * engine (or another node running the schedule) has none; the stored last run is shown then.
 */
@Component
public class ScheduleProgress {

    private static final Logger log = LoggerFactory.getLogger(ScheduleProgress.class);

    private final Map<Long, CycleProgress> running = new ConcurrentHashMap<>();
    private final List<LongConsumer> finishedListeners = new CopyOnWriteArrayList<>();

    void update(long scheduleId, CycleProgress progress) {
        if (progress.running()) {
            running.put(scheduleId, progress);
        } else {
            running.remove(scheduleId);
        }
    }

    void clear(long scheduleId) {
        running.remove(scheduleId);
    }

    public Optional<CycleProgress> of(long scheduleId) {
        return Optional.ofNullable(running.get(scheduleId));
    }

    /**
     * Tells {@code listener} the id of every schedule whose run ended in this process and was stored
     * (on a virtual thread of its own: a view hands it to {@code UI.access}); run the handle to stop.
     */
    public Runnable subscribeFinished(LongConsumer listener) {
        finishedListeners.add(listener);
        return () -> finishedListeners.remove(listener);
    }

    void finished(long scheduleId) {
        if (!finishedListeners.isEmpty()) {
            Thread.startVirtualThread(() -> finishedListeners.forEach(listener -> {
                try {
                    listener.accept(scheduleId);
                } catch (RuntimeException e) {
                    log.debug("Listener of schedule {} failed: {}", scheduleId, e.toString());
                }
            }));
        }
    }
}
