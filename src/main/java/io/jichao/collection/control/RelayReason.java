package io.jichao.collection.control;

/**
 * Why a relay command was sent; stored with the command and carried by {@code RelayReadBack}.
 * GENTLE_CUTOFF covers both sides of an arrears cut-off: keep-power outside friendly time and its
 * release when friendly time starts. HOST_PREPAID is host-side prepaid's trip at zero balance and its
 * close after a recharge.
 */
public enum RelayReason {
    OPERATOR, GENTLE_CUTOFF, HOST_PREPAID
}
