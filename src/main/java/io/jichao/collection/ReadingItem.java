package io.jichao.collection;

/**
 * What the engine reads from a meter, independent of protocol and version. {@link MeterReader}
 * maps each to the protocol's identifiers and skips items a protocol or version lacks.
 */
public enum ReadingItem {
    /** Forward active total, kWh. Per the spec the meter itself adds reverse energy to it. */
    ACTIVE_ENERGY,
    /** Reverse active total, kWh, kept for line-loss and dispute checks. */
    REVERSE_ENERGY,
    /** Prepaid credit left, kWh (DL/T 645-2007 00900100; 1997 has no standard identifier). */
    REMAINING_ENERGY,
    VOLTAGE_A, VOLTAGE_B, VOLTAGE_C,
    CURRENT_A, CURRENT_B, CURRENT_C,
    /** Total active power, kW. */
    ACTIVE_POWER,
    /** Total power factor. */
    POWER_FACTOR,
    /** Meter clock minus the engine's clock in seconds; the meter's own time goes to {@code meter_time}. */
    METER_TIME,
    /**
     * Run status word 3 (DL/T 645-2007 04000503) as its 16 bits: bit 4 relay open, bit 6 the last
     * relay command was a trip, bit 7 pre-trip alarm, bit 12 keep power (see {@code StatusWord}).
     * 1997 and water meters have none.
     */
    RELAY_STATUS,
    /** Water meter total volume, m³ (from the register holding litres, so it is exact). */
    WATER_VOLUME,
    /**
     * The forward active total, kWh, of the meter's most recent daily freeze (DL/T 645-2007
     * 05060001 time + 05060101 value, n = 1). Stored with source FREEZE and the freeze time as
     * {@code meter_time} (the meter's local time); 1997 and water meters have none.
     */
    DAILY_FREEZE,
    /**
     * Overload trips in the meter's life (the profile's vendor trip count, DHDSY 04A00401). Reading
     * it also reads the last trip's record (DHDSY 04A00402) once the meter has tripped, giving
     * {@link #LAST_OVERLOAD_TRIP} and, once restored, {@link #LAST_OVERLOAD_RESTORE}, so trips that
     * start and restore between two reads are seen. 1997 and water meters have none.
     */
    OVERLOAD_TRIP_COUNT,
    /**
     * The last overload trip: its cause as value (1 maximum power, 2 sudden power) and its start
     * by the meter's clock as {@code meter_time}. Read with {@link #OVERLOAD_TRIP_COUNT}.
     */
    LAST_OVERLOAD_TRIP,
    /**
     * The restore after the last overload trip: the trip's length in seconds as value and the
     * restore by the meter's clock as {@code meter_time}; absent while the meter is still tripped.
     */
    LAST_OVERLOAD_RESTORE
}
