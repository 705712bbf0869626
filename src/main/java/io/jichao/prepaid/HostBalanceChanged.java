package io.jichao.prepaid;

import io.jichao.shared.Money;

/**
 * Published in the transaction that moved a host-side prepaid household's balance, for the alarm
 * levels and the engine's relay; listen after commit.
 */
public record HostBalanceChanged(long meterId, Money balance, Cause cause) {

    /** What moved it. */
    public enum Cause { DEBIT, RECHARGE }
}
