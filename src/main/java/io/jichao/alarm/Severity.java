package io.jichao.alarm;

/** How bad a subject's state is, and its colour on the fault map (R6). */
public enum Severity {
    /** Green: no active alarm. Never stored on an alarm row. */
    NORMAL,
    /** Yellow: something needs attention (low remaining energy, overload trip, voltage out of range). */
    ALARM,
    /** Red: a fault (communication failure, relay not in the commanded state). */
    FAULT;

    /** The worse of the two. */
    public Severity worst(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
