package io.jichao.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.jichao.protocol.dlt645.DataItem;

/**
 * What each meter refuses: the DL/T 645 identifiers it answered with "no requested data" (or
 * another abnormal answer), and when. A refused identifier is not asked again until
 * {@code reprobe} has passed, so a meter without the optional voltage block costs one extra
 * exchange per block and re-probe period, not one per cycle; a block it refuses is read as its
 * single items instead (see {@link Dlt645ReadPlan}). An answer clears the refusal (the meter's
 * firmware or profile changed). Thread-safe; every change goes to the listener (the store that
 * persists it), called on the reading thread, never on an event loop.
 */
public final class MeterCapabilities {

    /** One refusal; {@code refusedAt} null in a change means the meter answers the identifier again. */
    public record Refusal(long meterId, String dataItem, Instant refusedAt) {
    }

    private final Clock clock;
    private final Duration reprobe;
    private final Map<Long, Map<String, Instant>> refusals = new ConcurrentHashMap<>();
    private volatile Consumer<Refusal> listener = change -> { };

    public MeterCapabilities(Clock clock, Duration reprobe) {
        if (reprobe.isNegative()) {
            throw new IllegalArgumentException("the re-probe period must not be negative");
        }
        this.clock = clock;
        this.reprobe = reprobe;
    }

    /** Where changes go (the capability store); replaces the previous listener. */
    public void onChange(Consumer<Refusal> changes) {
        this.listener = changes;
    }

    /** Takes stored refusals as the start; what the engine already learned wins. */
    public void restore(Collection<Refusal> stored) {
        stored.forEach(refusal -> table(refusal.meterId()).putIfAbsent(refusal.dataItem(), refusal.refusedAt()));
    }

    /** True while the meter's last refusal of {@code item} is younger than the re-probe period. */
    public boolean knownRefused(long meterId, DataItem item) {
        Instant refusedAt = table(meterId).get(key(item));
        return refusedAt != null && clock.instant().isBefore(refusedAt.plus(reprobe));
    }

    /** The meter refused {@code item} now. */
    public void refused(long meterId, DataItem item) {
        Instant now = clock.instant();
        table(meterId).put(key(item), now);
        listener.accept(new Refusal(meterId, key(item), now));
    }

    /** The meter answered {@code item}: a refusal it had is forgotten. */
    public void answered(long meterId, DataItem item) {
        Map<String, Instant> meter = refusals.get(meterId);
        if (meter != null && meter.remove(key(item)) != null) {
            listener.accept(new Refusal(meterId, key(item), null));
        }
    }

    /**
     * Forgets everything the meter refused (a meter replaced by another device at its address, or
     * a test that leaves the shared engine as it found it); the removals go to the listener.
     */
    public void forget(long meterId) {
        Map<String, Instant> meter = refusals.remove(meterId);
        if (meter != null) {
            meter.keySet().forEach(item -> listener.accept(new Refusal(meterId, item, null)));
        }
    }

    /** Forgets every meter's refusals (see {@link #forget}). */
    public void forgetAll() {
        Set.copyOf(refusals.keySet()).forEach(this::forget);
    }

    /** The identifiers the meter refused (hex, as on the wire's documentation) and when. */
    public Map<String, Instant> refusals(long meterId) {
        return Map.copyOf(Optional.ofNullable(refusals.get(meterId)).orElse(Map.of()));
    }

    static String key(DataItem item) {
        return item.identifier().toString();
    }

    private Map<String, Instant> table(long meterId) {
        return refusals.computeIfAbsent(meterId, id -> new ConcurrentHashMap<>());
    }
}
