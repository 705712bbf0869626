package io.jichao.prepaid;

import java.time.Instant;

import io.jichao.shared.Kwh;

/**
 * A household's emergency credit: how much it may take ({@code credit}, 0 when the feature is off),
 * how much it owes, and, while it owes, the order that lent it and when.
 */
public record EmergencyCreditStatus(Kwh credit, Kwh owed, Long orderId, Instant takenAt) {

    /** It can be taken: the feature is on and nothing is owed ("once before paying"). */
    public boolean available() {
        return credit.isPositive() && !owed.isPositive();
    }

    public boolean owing() {
        return owed.isPositive();
    }
}
