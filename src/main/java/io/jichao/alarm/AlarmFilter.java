package io.jichao.alarm;

import java.time.Instant;

/**
 * What the alarm list shows; every field may be null (no restriction). Without {@code history}
 * only active alarms (raised, acknowledged) are listed; {@code from}/{@code to} bound the time
 * an alarm was raised, {@code to} exclusive.
 */
public record AlarmFilter(AlarmState state, AlarmKind kind, Severity severity, Long buildingId, Instant from,
                          Instant to, boolean history) {

    /** The active alarms of the district, newest first. */
    public static AlarmFilter active() {
        return new AlarmFilter(null, null, null, null, null, null, false);
    }

    public static AlarmFilter everything() {
        return new AlarmFilter(null, null, null, null, null, null, true);
    }
}
