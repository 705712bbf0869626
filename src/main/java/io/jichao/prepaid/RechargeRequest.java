package io.jichao.prepaid;

/**
 * A recharge as submitted. {@code idempotencyKey} is a UUID the client generates once per intended
 * recharge (when the form opens), so every repeated submit of it finds the same order.
 */
public record RechargeRequest(long meterId, RechargeAmount amount, Payment payment, String idempotencyKey) {
}
