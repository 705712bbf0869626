package io.jichao.prepaid;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * What one debit pass of a host-side prepaid meter did: the energy (after CT × PT) and money
 * debited (both zero when nothing new was read), the balance after it, and whether the engine
 * holds the relay open for no balance.
 */
public record HostDebitOutcome(long meterId, Kwh energy, Money debited, Money balance, boolean relayOpen) {

    /** The relay should be open: nothing left to use. */
    public boolean exhausted() {
        return !balance.isPositive();
    }
}
