package io.jichao.collection.control;

/** Why a relay command was sent; stored with the command and carried by {@code RelayReadBack}. */
public enum RelayReason {
    OPERATOR, ARREARS, OVERLOAD, GENTLE_CUTOFF
}
