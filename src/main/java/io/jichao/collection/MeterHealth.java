package io.jichao.collection;

import java.time.Instant;

/** How reading a meter has been going: the engine's in-memory copy of {@code meter_status}. */
public record MeterHealth(long meterId, Instant lastAttemptAt, Instant lastSuccessAt, int consecutiveFailures,
                          String lastError) {

    public static MeterHealth never(long meterId) {
        return new MeterHealth(meterId, null, null, 0, null);
    }

    public MeterHealth after(MeterReadResult result) {
        if (result.succeeded()) {
            return new MeterHealth(meterId, result.readAt(), result.readAt(), 0, null);
        }
        return new MeterHealth(meterId, result.readAt(), lastSuccessAt, consecutiveFailures + 1,
                result.failure().orElseThrow());
    }
}
