package io.jichao.prepaid;

import java.util.List;

import io.jichao.shared.Kwh;

/**
 * One order in a task file: what the handheld writes to which meter. {@code knownPurchaseCount}
 * is the meter's purchase count the engine read before its first write of this order (null when
 * the engine never reached the meter): a meter showing more has the recharge already and must not
 * be written again.
 */
record HandheldTaskRow(long orderId, String meterAddress, Integer channel, String protocol, Kwh kwh,
                       String idempotencyKey, Integer knownPurchaseCount) {

    List<String> fields() {
        return List.of(String.valueOf(orderId), meterAddress, channel == null ? "" : channel.toString(), protocol,
                kwh.value().toPlainString(), idempotencyKey,
                knownPurchaseCount == null ? "" : knownPurchaseCount.toString());
    }
}
