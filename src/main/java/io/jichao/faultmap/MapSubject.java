package io.jichao.faultmap;

import io.jichao.alarm.Severity;

/**
 * A meter or collector of a floor as the map shows it: what it is, how people know it (address and
 * room, or the collector's name), where it sits on the plan ({@code null} while unplaced) and the
 * worst of its active alarms.
 */
public record MapSubject(PointKind kind, long id, String label, String room, PlanPosition position,
                         Severity severity) {

    public boolean placed() {
        return position != null;
    }

    public MapSubject withSeverity(Severity newSeverity) {
        return new MapSubject(kind, id, label, room, position, newSeverity);
    }
}
