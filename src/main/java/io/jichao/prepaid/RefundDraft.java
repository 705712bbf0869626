package io.jichao.prepaid;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * What a clerk asks to give back for a delivered order: money (may be zero), kWh to take back in
 * the ledger (may be zero), a reason, and a key generated before the first submit.
 */
public record RefundDraft(long orderId, Money amount, Kwh kwh, String reason, String idempotencyKey) {
}
