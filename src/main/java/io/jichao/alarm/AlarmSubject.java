package io.jichao.alarm;

/**
 * What an alarm is raised on: a meter, a serial port (with its collector) or a collector. Its
 * {@link #key()} is part of the alarm's {@code active_key}, which keeps one active alarm per kind
 * and subject.
 */
public record AlarmSubject(Long meterId, Long serialPortId, Long collectorId) {

    public AlarmSubject {
        if (meterId == null && serialPortId == null && collectorId == null) {
            throw new IllegalArgumentException("an alarm subject needs a meter, port or collector");
        }
    }

    public static AlarmSubject meter(long meterId) {
        return new AlarmSubject(meterId, null, null);
    }

    public static AlarmSubject port(long serialPortId, long collectorId) {
        return new AlarmSubject(null, serialPortId, collectorId);
    }

    public static AlarmSubject collector(long collectorId) {
        return new AlarmSubject(null, null, collectorId);
    }

    public String key() {
        if (meterId != null) {
            return "meter:" + meterId;
        }
        return serialPortId != null ? "port:" + serialPortId : "collector:" + collectorId;
    }

    /** The unique key of the active alarm of this kind on this subject, e.g. {@code LOW_REMAINING_1:meter:42}. */
    public String activeKey(AlarmKind kind) {
        return kind.name() + ":" + key();
    }
}
