package io.jichao.alarm;

import java.time.Instant;

/**
 * One alarm as the list and the export show it: the subject's meter address and room, or port and
 * collector, and the building it is in (the meter's, else the collector's).
 */
public record AlarmRow(long id, AlarmKind kind, Severity severity, AlarmState state, Long meterId,
                       String meterAddress, String room, Long serialPortId, Integer portNumber, Long collectorId,
                       String collectorName, Long buildingId, String buildingName, String detail, Instant raisedAt,
                       Instant lastSeenAt, int occurrences, Instant acknowledgedAt, String acknowledgedBy,
                       Instant clearedAt) {

    public boolean active() {
        return state.active();
    }

    /** Meter address, or collector name and port, for people. */
    public String subject() {
        if (meterAddress != null) {
            return room == null ? meterAddress : meterAddress + " (" + room + ")";
        }
        String collector = collectorName == null ? String.valueOf(collectorId) : collectorName;
        return portNumber == null ? collector : collector + " / " + portNumber;
    }
}
