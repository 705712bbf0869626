package io.jichao.prepaid;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a recharge order is on its way to the meter. CREATED means paid and credited to the
 * ledger but not yet handed to the meter (also: queued). Only a CREATED order can be cancelled,
 * because once SENT the meter may already hold the energy.
 */
public enum RechargeState {
    CREATED, SENT, CONFIRMED, FAILED_RETRYING, CANCELLED;

    /** The states this one may move to; CONFIRMED and CANCELLED are final. */
    public Set<RechargeState> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(SENT, CANCELLED);
            case SENT -> EnumSet.of(CONFIRMED, FAILED_RETRYING);
            // A read-back may show that a "failed" write landed after all, hence CONFIRMED.
            case FAILED_RETRYING -> EnumSet.of(SENT, CONFIRMED);
            case CONFIRMED, CANCELLED -> EnumSet.noneOf(RechargeState.class);
        };
    }

    public boolean canMoveTo(RechargeState target) {
        return next().contains(target);
    }

    /** Waiting for the delivery engine to (re)send it. */
    public boolean awaitsDelivery() {
        return this == CREATED || this == FAILED_RETRYING;
    }
}
