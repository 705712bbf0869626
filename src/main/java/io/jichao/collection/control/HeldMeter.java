package io.jichao.collection.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A meter the engine holds in keep-power outside friendly time, and why: its remaining energy was
 * at or below {@code thresholdKwh} when {@code quiet} time kept the cut-off back.
 */
public record HeldMeter(long meterId, String address, Instant heldAt, BigDecimal remainingKwh,
                        BigDecimal thresholdKwh, FriendlyHours.Quiet quiet, int releaseAttempts, String lastError) {
}
