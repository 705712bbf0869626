package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * The instantaneous values of one meter read at one moment, for the live curves (R8): phase
 * voltages (V), phase currents (A) and total active power (kW). An item the meter did not give
 * (a single-phase meter has no B and C phase) is simply absent.
 */
public record MeterSample(Instant readAt, Map<ReadingItem, BigDecimal> values) {

    /** The items a live curve shows, in the order of the legend. */
    public static final Set<ReadingItem> ITEMS = Collections.unmodifiableSet(java.util.EnumSet.of(
            ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C,
            ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C, ReadingItem.ACTIVE_POWER));

    public MeterSample {
        EnumMap<ReadingItem, BigDecimal> copy = new EnumMap<>(ReadingItem.class);
        values.forEach((item, value) -> {
            if (ITEMS.contains(item)) {
                copy.put(item, value);
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** The instantaneous values of a read result; empty when the read gave none. */
    public static MeterSample of(MeterReadResult result) {
        EnumMap<ReadingItem, BigDecimal> values = new EnumMap<>(ReadingItem.class);
        result.values().forEach(v -> values.put(v.item(), v.value()));
        return new MeterSample(result.readAt(), values);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
