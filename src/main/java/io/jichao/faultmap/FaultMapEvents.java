package io.jichao.faultmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.jichao.alarm.AlarmChanged;

/**
 * Turns {@link AlarmChanged} events into new colours for the open maps of the subject's floor. The
 * colour is read again from the alarm table (a meter may have other active alarms than the one that
 * changed), after the publisher's transaction committed when it has one. Listeners run on the
 * publishing thread and must hand the change on at once (a view uses {@code UI.access}); one that
 * throws is logged and does not stop the others, nor the publisher.
 */
@Component
public class FaultMapEvents {

    private static final Logger log = LoggerFactory.getLogger(FaultMapEvents.class);

    private final FaultMapStore store;
    private final Map<Long, List<Consumer<PointChange>>> listeners = new ConcurrentHashMap<>();

    FaultMapEvents(FaultMapStore store) {
        this.store = store;
    }

    /** A subscription's handle; closing it twice is harmless. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Package-internal: {@link FaultMapService#subscribe} checks the operator first. */
    Subscription subscribe(long floorId, Consumer<PointChange> listener) {
        listeners.computeIfAbsent(floorId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(floorId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** How many open maps listen to the floor (monitoring, tests). */
    public int subscribers(long floorId) {
        List<Consumer<PointChange>> current = listeners.get(floorId);
        return current == null ? 0 : current.size();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void alarmChanged(AlarmChanged event) {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            for (Located change : changes(event)) {
                deliver(change.floorId(), change.change());
            }
        } catch (RuntimeException e) {
            log.warn("Could not recolour the fault map after alarm {}: {}", event.alarmId(), e.toString());
        }
    }

    private record Located(long floorId, PointChange change) {
    }

    private List<Located> changes(AlarmChanged event) {
        List<Located> changes = new ArrayList<>();
        if (event.meterId() != null) {
            store.meterNow(event.meterId()).ifPresent(now -> changes.add(new Located(now.floorId(),
                    new PointChange(PointKind.METER, event.meterId(), now.severity()))));
        }
        Optional<Long> collector = Optional.ofNullable(event.collectorId())
                .or(() -> Optional.ofNullable(event.serialPortId()).flatMap(store::collectorOfPort));
        collector.ifPresent(id -> store.collectorNow(id).ifPresent(now -> changes.add(new Located(now.floorId(),
                new PointChange(PointKind.COLLECTOR, id, now.severity())))));
        return changes;
    }

    private void deliver(long floorId, PointChange change) {
        List<Consumer<PointChange>> current = listeners.get(floorId);
        if (current == null) {
            return;
        }
        for (Consumer<PointChange> listener : current) {
            try {
                listener.accept(change);
            } catch (RuntimeException e) {
                log.debug("Fault map listener of floor {} failed: {}", floorId, e.toString());
            }
        }
    }
}
