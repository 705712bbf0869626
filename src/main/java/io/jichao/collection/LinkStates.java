package io.jichao.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jichao.collection.link.LinkObserver;
import io.jichao.collection.link.PortKey;

/**
 * The live connection state of every port of the running topology, and the listeners that want
 * to hear of each change (the collectors page, by server push). Each {@link io.jichao.collection.link.PortLink}
 * gets its own observer: when a port is replaced (changed settings), the old link's late
 * "disconnected" is ignored and cannot overwrite the new link's state. Observers run on event
 * loops, so listeners are called on a virtual thread of their own, never there.
 */
final class LinkStates {

    private static final Logger log = LoggerFactory.getLogger(LinkStates.class);

    private record Entry(long generation, PortLinkState state) {
    }

    private final Clock clock;
    private final AtomicLong generations = new AtomicLong();
    private final Map<PortKey, Entry> states = new ConcurrentHashMap<>();
    private final List<Consumer<PortLinkState>> listeners = new CopyOnWriteArrayList<>();

    LinkStates(Clock clock) {
        this.clock = clock;
    }

    /**
     * A link is taken on for {@code key}: a new port is "not yet connected"; a port whose link is
     * replaced and that had been connected is "connecting". Returns the new link's observer.
     */
    LinkObserver taken(PortKey key) {
        long generation = generations.incrementAndGet();
        Entry previous = states.get(key);
        boolean wasConnected = previous != null && previous.state().state() != LinkState.NOT_YET_CONNECTED;
        set(key, generation, wasConnected ? LinkState.CONNECTING : LinkState.NOT_YET_CONNECTED);
        return new LinkObserver() {
            @Override
            public void connected(PortKey port) {
                setIfCurrent(port, generation, LinkState.CONNECTED);
            }

            @Override
            public void disconnected(PortKey port) {
                Entry current = states.get(port);
                boolean deliberate = current != null && current.state().state() == LinkState.CONNECTING;
                if (!deliberate) {
                    setIfCurrent(port, generation, LinkState.DISCONNECTED);
                }
            }
        };
    }

    /** A connected port is being dropped on purpose and will come back. */
    void reconnecting(PortKey key) {
        Entry current = states.get(key);
        if (current != null && current.state().state() != LinkState.NOT_YET_CONNECTED) {
            setIfCurrent(key, current.generation(), LinkState.CONNECTING);
        }
    }

    void removed(PortKey key) {
        states.remove(key);
    }

    void clear() {
        states.clear();
    }

    /**
     * A port still "connecting" {@code grace} after it was dropped did not come back: it shows
     * as disconnected since it was dropped.
     */
    void expireConnecting(Duration grace) {
        Instant limit = clock.instant().minus(grace);
        states.forEach((key, entry) -> {
            PortLinkState state = entry.state();
            if (state.state() == LinkState.CONNECTING && state.since().isBefore(limit)) {
                update(key, entry, new PortLinkState(key, LinkState.DISCONNECTED, state.since()));
            }
        });
    }

    List<PortLinkState> of(long collectorId) {
        return states.values().stream().map(Entry::state).filter(s -> s.port().collectorId() == collectorId)
                .sorted(Comparator.comparingInt(s -> s.port().portNumber())).toList();
    }

    Runnable subscribe(Consumer<PortLinkState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void setIfCurrent(PortKey key, long generation, LinkState state) {
        Entry current = states.get(key);
        if (current != null && current.generation() == generation) {
            update(key, current, new PortLinkState(key, state, clock.instant()));
        }
    }

    private void set(PortKey key, long generation, LinkState state) {
        PortLinkState changed = new PortLinkState(key, state, clock.instant());
        states.put(key, new Entry(generation, changed));
        notifyListeners(changed);
    }

    private void update(PortKey key, Entry expected, PortLinkState changed) {
        if (states.replace(key, expected, new Entry(expected.generation(), changed))) {
            notifyListeners(changed);
        }
    }

    private void notifyListeners(PortLinkState changed) {
        if (listeners.isEmpty()) {
            return;
        }
        Thread.startVirtualThread(() -> listeners.forEach(listener -> {
            try {
                listener.accept(changed);
            } catch (RuntimeException e) {
                log.debug("Listener of {} failed: {}", changed.port(), e.toString());
            }
        }));
    }
}
