package io.jichao.alarm;

/**
 * Published (Spring application event, after the change is committed) whenever an alarm is raised,
 * acknowledged or cleared, so live views such as the fault map can recolour their points. The
 * subject ids are those of the alarm row; at least one is set.
 */
public record AlarmChanged(long alarmId, String kind, Severity severity, AlarmState state,
        Long meterId, Long serialPortId, Long collectorId) {
}
