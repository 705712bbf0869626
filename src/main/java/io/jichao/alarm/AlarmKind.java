package io.jichao.alarm;

/**
 * What an alarm is about (R17), with the severity its rule raises it at: communication failures
 * and a relay that does not do what it was told are faults (red), the rest alarms (yellow).
 * Stored by name in {@code alarm.kind}.
 */
public enum AlarmKind {
    /** Remaining energy at or below the meter's level 1 (or the default), above level 2. */
    LOW_REMAINING_1(Severity.ALARM),
    /** Remaining energy at or below level 2, above zero. */
    LOW_REMAINING_2(Severity.ALARM),
    /** No remaining energy: the meter cuts the household off. */
    ZERO_REMAINING(Severity.ALARM),
    /** A host-side prepaid household's balance at or below level 1 in yuan, above level 2. */
    LOW_BALANCE_1(Severity.ALARM),
    /** A host-side prepaid household's balance at or below level 2 in yuan, above zero. */
    LOW_BALANCE_2(Severity.ALARM),
    /** A host-side prepaid household's balance is used up: the engine trips the relay (in friendly time). */
    ZERO_BALANCE(Severity.ALARM),
    /** The relay is open by command or for no credit (status word 3). */
    RELAY_OPEN(Severity.ALARM),
    /** The relay is open by the meter itself with credit left and no trip command: an overload trip. */
    OVERLOAD_TRIP(Severity.ALARM),
    /** Active power rose more than the configured step between two reads. */
    POWER_JUMP(Severity.ALARM),
    /** A phase voltage outside the configured band (zero on a phase counts: phase loss). */
    VOLTAGE_OUT_OF_RANGE(Severity.ALARM),
    /** The reverse active register rose between two reads (reversed wiring, back-feed). */
    REVERSE_ENERGY(Severity.ALARM),
    /** N consecutive reads of the meter timed out. */
    METER_COMM_FAILURE(Severity.FAULT),
    /** A port of an online collector has no connection, or none of its meters answered in its last cycle. */
    PORT_COMM_FAILURE(Severity.FAULT),
    /** None of the collector's ports is connected. */
    COLLECTOR_OFFLINE(Severity.FAULT),
    /** The meter's clock is off by more than the drift threshold. */
    CLOCK_DRIFT(Severity.ALARM),
    /** A relay command's read-back does not show the commanded state. */
    RELAY_MISMATCH(Severity.FAULT);

    private final Severity severity;

    AlarmKind(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
