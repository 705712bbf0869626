package io.jichao.collection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one attempt to read a meter gave: the values read, why it stopped early if it did (timeout
 * or link down: the meter counts as failed), and its item coverage: {@code missing} are the items
 * that should have been stored and were not (the meter is PARTIAL), {@code unsupported} the items
 * the meter is known not to offer (it refused them before; not asked until their re-probe).
 */
public record MeterReadResult(long meterId, Instant readAt, List<ItemValue> values, Optional<String> failure,
                              Set<ReadingItem> missing, Set<ReadingItem> unsupported) {

    public MeterReadResult {
        values = List.copyOf(values);
        missing = Set.copyOf(missing);
        unsupported = Set.copyOf(unsupported);
    }

    /** A result without coverage information (every expected item stored, or nothing expected). */
    public MeterReadResult(long meterId, Instant readAt, List<ItemValue> values, Optional<String> failure) {
        this(meterId, readAt, values, failure, Set.of(), Set.of());
    }

    /** Answered, but some expected items were not stored. */
    public boolean partial() {
        return succeeded() && !missing.isEmpty();
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    public Optional<ItemValue> value(ReadingItem item) {
        return values.stream().filter(v -> v.item() == item).findFirst();
    }
}
