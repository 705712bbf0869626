package io.jichao.alarm;

/** Lifecycle of one alarm: raised by a rule, acknowledged by an operator, cleared when the condition ends. */
public enum AlarmState {
    RAISED,
    ACKNOWLEDGED,
    CLEARED;

    /** Raised and acknowledged alarms are active: they colour the map and block a second row of the same kind. */
    public boolean active() {
        return this != CLEARED;
    }
}
