package io.jichao.faultmap;

import io.jichao.alarm.Severity;

/** A subject of a floor has a new colour: pushed to the floor's open maps after an alarm changed. */
public record PointChange(PointKind kind, long id, Severity severity) {
}
