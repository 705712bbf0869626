package io.jichao.prepaid;

/**
 * A recharge order moved to another state (sent, confirmed, failed): published inside the mover's
 * transaction and handed to open pages after its commit by {@link RechargeOrderEvents}.
 */
public record RechargeOrderChanged(long orderId, long meterId, RechargeState state) {
}
