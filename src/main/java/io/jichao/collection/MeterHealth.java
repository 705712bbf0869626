package io.jichao.collection;

import java.time.Instant;
import java.util.Set;

/**
 * How reading a meter has been going: the engine's in-memory copy of {@code meter_status}, with
 * the item coverage of its last read: {@code missing} items should have been stored and were not
 * (the meter is PARTIAL), {@code unsupported} items the meter is known not to offer.
 */
public record MeterHealth(long meterId, Instant lastAttemptAt, Instant lastSuccessAt, int consecutiveFailures,
                          String lastError, Set<ReadingItem> missing, Set<ReadingItem> unsupported) {

    public MeterHealth {
        missing = Set.copyOf(missing);
        unsupported = Set.copyOf(unsupported);
    }

    /** Health without coverage information. */
    public MeterHealth(long meterId, Instant lastAttemptAt, Instant lastSuccessAt, int consecutiveFailures,
                       String lastError) {
        this(meterId, lastAttemptAt, lastSuccessAt, consecutiveFailures, lastError, Set.of(), Set.of());
    }

    public static MeterHealth never(long meterId) {
        return new MeterHealth(meterId, null, null, 0, null);
    }

    /** The last read answered but left expected items unstored. */
    public boolean partial() {
        return consecutiveFailures == 0 && lastSuccessAt != null && !missing.isEmpty();
    }

    public MeterHealth after(MeterReadResult result) {
        if (result.succeeded()) {
            return new MeterHealth(meterId, result.readAt(), result.readAt(), 0, null, result.missing(),
                    result.unsupported());
        }
        return new MeterHealth(meterId, result.readAt(), lastSuccessAt, consecutiveFailures + 1,
                result.failure().orElseThrow(), result.missing(), result.unsupported());
    }
}
