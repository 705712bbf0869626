package io.jichao.collection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one attempt to read a meter gave: the values read, and why it stopped early if it did
 * (timeout or link down: the meter counts as failed; an item the meter refused is just missing).
 */
public record MeterReadResult(long meterId, Instant readAt, List<ItemValue> values, Optional<String> failure) {

    public MeterReadResult {
        values = List.copyOf(values);
    }

    public boolean succeeded() {
        return failure.isEmpty();
    }

    public Optional<ItemValue> value(ReadingItem item) {
        return values.stream().filter(v -> v.item() == item).findFirst();
    }
}
