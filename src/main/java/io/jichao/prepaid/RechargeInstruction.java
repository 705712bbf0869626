package io.jichao.prepaid;

import io.jichao.shared.Kwh;

/** What the delivery engine must write to a meter: the energy of one order. */
public record RechargeInstruction(long orderId, long meterId, Kwh energy) {
}
