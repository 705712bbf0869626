package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A forward active-energy register value at a point in time, as the aggregates see it.
 *
 * @param takenAt    when the register held the value: the read time of a cycle or operator reading,
 *                   the freeze time of a back-filled one
 * @param backfilled the value came from the meter's own freeze, read back later
 */
record EnergyPoint(long meterId, Instant takenAt, BigDecimal kwh, boolean backfilled) {

    /** The point of a stored reading, or null when the reading is not the forward energy register. */
    static EnergyPoint of(StoredReading reading) {
        if (reading.item() != ReadingItem.ACTIVE_ENERGY) {
            return null;
        }
        boolean backfilled = reading.source() == ReadingSource.BACKFILL && reading.meterTime() != null;
        Instant at = backfilled ? reading.meterTime().toInstant(ZoneOffset.UTC) : reading.readAt();
        return new EnergyPoint(reading.meterId(), at, reading.value(), backfilled);
    }
}
