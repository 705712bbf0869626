package io.jichao.collection.control;

import io.jichao.protocol.dlt645.RelayAction;

/** What an operator or the engine asks of a meter's relay, and the 2007 action (C = 1C, N1) it sends. */
public enum RelayCommand {
    /** Open the relay: the household has no power. */
    TRIP(RelayAction.TRIP),
    /** Close at once (N1 = 1C); the read-back tells whether the meter accepted it. */
    CLOSE(RelayAction.DIRECT_CLOSE),
    /** Keep power: the meter's own trips (no credit) wait; status word 3 bit 12. */
    KEEP_POWER(RelayAction.KEEP_POWER),
    /** End keep power: a meter without credit trips by itself right after. */
    KEEP_POWER_RELEASE(RelayAction.KEEP_POWER_RELEASE);

    private final RelayAction action;

    RelayCommand(RelayAction action) {
        this.action = action;
    }

    public RelayAction action() {
        return action;
    }
}
