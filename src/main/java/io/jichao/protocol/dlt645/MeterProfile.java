package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.MeasurementUnit.KILOWATT;
import static io.jichao.protocol.dlt645.MeasurementUnit.KILOWATT_HOUR;

/**
 * The identifiers, formats and password levels a meter model uses for the operations the
 * standard leaves to vendors. The engine asks the profile instead of hard-coding identifiers, so
 * a site can correct a vendor item in configuration once it has been verified on a real meter.
 *
 * @param name                  shown in configuration and logs
 * @param recharge              write that adds purchased energy to the meter's remaining energy
 * @param remainingEnergy       read-back after a recharge and for low-balance alarms
 * @param purchaseCount         read-back that proves a recharge was applied exactly once
 * @param maximumPower          overload threshold: above it the meter trips
 * @param suddenPowerThreshold  power jump that counts as a malicious load
 * @param overloadRestoreDelay  minutes after an overload trip before power comes back
 * @param overloadTripRecord    history item: time of the n-th last overload trip
 * @param overloadRestoreRecord history item: time of the n-th last restore after a trip
 * @param overloadTripCount     how many overload trips the meter has had in its life
 * @param lastOverloadTrip      the event record of the last overload trip: start, restore, cause
 */
public record MeterProfile(
        String name,
        ProfileItem recharge,
        ProfileItem remainingEnergy,
        ProfileItem purchaseCount,
        ProfileItem maximumPower,
        ProfileItem suddenPowerThreshold,
        ProfileItem overloadRestoreDelay,
        ProfileItem overloadTripRecord,
        ProfileItem overloadRestoreRecord,
        ProfileItem overloadTripCount,
        ProfileItem lastOverloadTrip) {

    /** Level 02 is the usual parameter-write level of 2007 meters. */
    public static final int DEFAULT_WRITE_LEVEL = 0x02;

    /** Vendor-defined, configurable: DHDSY recharge amount, XXXXXX.XX kWh. */
    public static final CustomDataItem DHDSY_RECHARGE_ENERGY = new CustomDataItem("DHDSY_RECHARGE_ENERGY",
            DataIdentifier.of2007(0x04A00101), ValueFormat.decimal(4, 2, KILOWATT_HOUR), false);
    /** Vendor-defined, configurable: DHDSY sudden-power threshold, XX.XXXX kW. */
    public static final CustomDataItem DHDSY_SUDDEN_POWER_THRESHOLD = new CustomDataItem(
            "DHDSY_SUDDEN_POWER_THRESHOLD", DataIdentifier.of2007(0x04A00102),
            ValueFormat.decimal(3, 4, KILOWATT), false);
    /** Vendor-defined, configurable: DHDSY restore delay after an overload trip, XXXX minutes. */
    public static final CustomDataItem DHDSY_OVERLOAD_RESTORE_DELAY = new CustomDataItem(
            "DHDSY_OVERLOAD_RESTORE_DELAY", DataIdentifier.of2007(0x04A00103), StandardFormats.MINUTES, false);
    /** Vendor-defined, configurable: DHDSY overload trip record, YYMMDDhhmm, DI0 = n-th last. */
    public static final CustomDataItem DHDSY_OVERLOAD_TRIP_RECORD = new CustomDataItem(
            "DHDSY_OVERLOAD_TRIP_RECORD", DataIdentifier.of2007(0x04A00201), StandardFormats.TO_MINUTE, true);
    /** Vendor-defined, configurable: DHDSY overload restore record, YYMMDDhhmm, DI0 = n-th last. */
    public static final CustomDataItem DHDSY_OVERLOAD_RESTORE_RECORD = new CustomDataItem(
            "DHDSY_OVERLOAD_RESTORE_RECORD", DataIdentifier.of2007(0x04A00301), StandardFormats.TO_MINUTE, true);
    /**
     * Vendor-defined, configurable: DHDSY overload trip count, XXXXXX (3 bytes BCD), every trip of
     * the meter's life (maximum power and sudden power alike); it only ever rises (wraps at 999999).
     */
    public static final CustomDataItem DHDSY_OVERLOAD_TRIP_COUNT = new CustomDataItem(
            "DHDSY_OVERLOAD_TRIP_COUNT", DataIdentifier.of2007(0x04A00401), ValueFormat.decimal(3, 0, MeasurementUnit.NONE),
            false);
    /**
     * Vendor-defined, configurable: DHDSY last overload trip record, three 6-byte BCD numbers (18
     * bytes): trip start YYMMDDhhmmss, restore YYMMDDhhmmss (000000000000 while still tripped), cause
     * ({@link #TRIP_CAUSE_MAXIMUM_POWER} or {@link #TRIP_CAUSE_SUDDEN_POWER}); times by the meter's
     * clock. A meter that never tripped refuses it.
     */
    public static final CustomDataItem DHDSY_LAST_OVERLOAD_TRIP = new CustomDataItem(
            "DHDSY_LAST_OVERLOAD_TRIP", DataIdentifier.of2007(0x04A00402),
            ValueFormat.block(ValueFormat.decimal(6, 0, MeasurementUnit.NONE), 3), false);
    /** Cause code in {@link #DHDSY_LAST_OVERLOAD_TRIP}: demand above the maximum power. */
    public static final int TRIP_CAUSE_MAXIMUM_POWER = 1;
    /** Cause code in {@link #DHDSY_LAST_OVERLOAD_TRIP}: a jump above the sudden-power threshold. */
    public static final int TRIP_CAUSE_SUDDEN_POWER = 2;

    public MeterProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (recharge == null || remainingEnergy == null || purchaseCount == null || maximumPower == null
                || suddenPowerThreshold == null || overloadRestoreDelay == null || overloadTripRecord == null
                || overloadRestoreRecord == null || overloadTripCount == null || lastOverloadTrip == null) {
            throw new IllegalArgumentException("profile " + name + " must name every operation");
        }
    }

    /**
     * This profile with the sudden-power threshold at another vendor identifier (same format,
     * XX.XXXX kW, same password level), for a site that verified its terminals' item.
     */
    public MeterProfile withSuddenPowerIdentifier(DataIdentifier identifier) {
        if (identifier.equals(suddenPowerThreshold.identifier())) {
            return this;
        }
        CustomDataItem item = new CustomDataItem("SUDDEN_POWER_THRESHOLD", identifier,
                ValueFormat.decimal(3, 4, KILOWATT), false);
        return new MeterProfile(name, recharge, remainingEnergy, purchaseCount, maximumPower,
                new ProfileItem(item, suddenPowerThreshold.passwordLevel()), overloadRestoreDelay,
                overloadTripRecord, overloadRestoreRecord, overloadTripCount, lastOverloadTrip);
    }

    /**
     * The DHDSY prepaid terminal: standard 2007 items where one fits (remaining energy 00900100,
     * purchase count 03330201, power limit 04000E01), and for the rest vendor items in the
     * manufacturer range 04A0xxxx. Those vendor identifiers are unverified defaults until checked on
     * a real terminal; they are meant to be overridden from configuration.
     */
    public static MeterProfile dhdsyDefault() {
        return new MeterProfile("DHDSY prepaid terminal (DL/T 645-2007)",
                new ProfileItem(DHDSY_RECHARGE_ENERGY, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DataItem2007.REMAINING_ENERGY, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DataItem2007.PURCHASE_COUNT, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DataItem2007.ACTIVE_POWER_UPPER_LIMIT, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DHDSY_SUDDEN_POWER_THRESHOLD, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DHDSY_OVERLOAD_RESTORE_DELAY, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DHDSY_OVERLOAD_TRIP_RECORD, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DHDSY_OVERLOAD_RESTORE_RECORD, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DHDSY_OVERLOAD_TRIP_COUNT, DEFAULT_WRITE_LEVEL),
                new ProfileItem(DHDSY_LAST_OVERLOAD_TRIP, DEFAULT_WRITE_LEVEL));
    }
}
