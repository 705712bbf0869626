package io.jichao.prepaid;

import java.time.Instant;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * A recharge order as services hand it out; instants are UTC, views show them in Asia/Shanghai.
 * {@code kwh} is the energy sent to the meter; {@code emergencyRepaidKwh} the part of the purchase
 * that repaid an emergency credit instead.
 */
public record RechargeOrderView(long id, String idempotencyKey, long meterId, long accountId, Money amount, Kwh kwh,
                                PricePerKwh price, Payment payment, RechargeState state, int deliveryAttempts,
                                String lastFailure, String createdBy, Instant createdAt, Instant stateChangedAt,
                                Kwh emergencyRepaidKwh) {

    /** The energy the household bought (or, for an emergency credit, was lent). */
    public Kwh purchasedKwh() {
        return kwh.plus(emergencyRepaidKwh);
    }

    public boolean isEmergencyCredit() {
        return payment.method() == PaymentMethod.EMERGENCY;
    }
}
