package io.jichao.prepaid;

import java.time.Instant;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/** A refund request with its order's figures, as services hand it out; instants are UTC. */
public record RefundView(long id, long orderId, long meterId, String meterAddress, Money orderAmount, Kwh orderKwh,
                         RechargeState orderState, Money amount, Kwh kwh, String reason, RefundState state,
                         String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                         String decisionComment) {
}
