package io.jichao.collection;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.jichao.collection.link.RawBytes;
import io.jichao.collection.link.UnknownDialInSink;

/**
 * The engine's memory of dial-ins it could not attach, for commissioning: bounded (the oldest entry
 * goes when a new source comes and the list is full), newest first. A source that dials in again
 * with the same bytes (or the same registration code) is one entry with a count, not a new one.
 * Lives in memory only: after a restart the unknown collectors show up again at their next dial-in.
 */
final class UnknownDialIns implements UnknownDialInSink {

    static final int CAPACITY = 50;

    private final Clock clock;
    private final int capacity;
    /** By key, in order of the last dial-in: the last entry is the newest. */
    private final Map<String, UnknownDialIn> entries = new LinkedHashMap<>();

    UnknownDialIns(Clock clock, int capacity) {
        this.clock = clock;
        this.capacity = capacity;
    }

    @Override
    public synchronized void unknown(InetSocketAddress source, byte[] firstBytes, String registrationId,
                                     Integer portNumber) {
        String host = source.getAddress() == null ? source.getHostString() : source.getAddress().getHostAddress();
        String hex = RawBytes.hex(firstBytes);
        String key = host + "|" + (registrationId != null ? "id:" + registrationId : "hex:" + hex);
        UnknownDialIn previous = entries.remove(key);
        entries.put(key, new UnknownDialIn(key, host, source.getPort(), hex, RawBytes.printable(firstBytes),
                registrationId, portNumber, clock.instant(), previous == null ? 1 : previous.count() + 1));
        if (entries.size() > capacity) {
            entries.remove(entries.keySet().iterator().next());
        }
    }

    /** Newest first. */
    synchronized List<UnknownDialIn> list() {
        List<UnknownDialIn> newestFirst = new ArrayList<>(entries.values());
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    synchronized Optional<UnknownDialIn> find(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /**
     * Forgets the entry, and every other entry that announced the same registration code (the
     * collector's other ports), now that a collector has been made of it.
     */
    synchronized void commissioned(UnknownDialIn entry) {
        entries.remove(entry.key());
        if (entry.registrationId() != null) {
            entries.values().removeIf(other -> entry.registrationId().equals(other.registrationId()));
        }
    }
}
