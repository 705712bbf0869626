package io.jichao.simulator;

/**
 * Why a simulated meter's load relay is where it is. When several reasons hold, the first one in
 * this order is reported: a remote trip outlasts the others, and keep-power only overrides the
 * automatic trips (overload, no credit).
 */
public enum RelayState {
    CLOSED,
    /** Tripped by a relay command (C = 1C, N1 = 1A); a close command ends it. */
    OPEN_BY_COMMAND,
    /** Tripped for overload or a sudden power jump; closes by itself after the restore delay. */
    OPEN_FOR_OVERLOAD,
    /** Prepaid credit used up; a recharge closes it. */
    OPEN_NO_CREDIT;

    public boolean open() {
        return this != CLOSED;
    }
}
