package io.jichao.prepaid;

import java.time.Instant;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/** A recharge order as services hand it out; instants are UTC, views show them in Asia/Shanghai. */
public record RechargeOrderView(long id, String idempotencyKey, long meterId, long accountId, Money amount, Kwh kwh,
                                PricePerKwh price, Payment payment, RechargeState state, int deliveryAttempts,
                                String lastFailure, String createdBy, Instant createdAt, Instant stateChangedAt) {
}
