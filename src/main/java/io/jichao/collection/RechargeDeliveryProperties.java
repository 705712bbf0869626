package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Delivery of recharge orders to the meters ({@code jichao.collection.recharge.*}); it runs only
 * where the engine runs ({@code jichao.collection.enabled=true}). See the README's table.
 *
 * @param retryMin       wait after a meter's first failed attempt; doubles per failure
 * @param retryMax       longest wait between attempts for an unreachable meter
 * @param poll           how often orders waiting or left SENT are looked up again (and at start)
 * @param usageTolerance energy the meter may have used between the before-read and the read-back;
 *                       a smaller rise of the remaining energy is confirmed with a note in the audit
 * @param password       the meters' 6-digit write password (at the profile's password level)
 * @param operatorCode   the 8-digit operator code sent with each write
 * @param lockAtMostFor  ShedLock safety net of a meter's delivery lock ({@code recharge-meter-<id>})
 *                       when a process dies holding it; longer than one attempt can take
 * @param knownRemainingMaxAge how old the engine's latest known remaining energy of a meter (a
 *                       stored reading, or its last recharge's read-back) may be to serve as the
 *                       order's "before" instead of one more read over the bus; what the meter uses
 *                       in that time is missing from the rise, so keep age × load well inside the
 *                       reconciliation's 0.10 kWh per order (30 s: up to 12 kW). Zero: always read
 * @param prepareInterval at most one read of a meter ahead of a recharge (a clerk opened it on the
 *                       recharge page) per this time; shorter than {@code knownRemainingMaxAge}, so
 *                       a clerk who comes back to a meter gets a figure young enough. Zero: never
 */
@ConfigurationProperties("jichao.collection.recharge")
public record RechargeDeliveryProperties(
        @DefaultValue("5s") Duration retryMin,
        @DefaultValue("5m") Duration retryMax,
        @DefaultValue("30s") Duration poll,
        @DefaultValue("1.00") BigDecimal usageTolerance,
        @DefaultValue("000000") String password,
        @DefaultValue("00000000") String operatorCode,
        @DefaultValue("2m") Duration lockAtMostFor,
        @DefaultValue("30s") Duration knownRemainingMaxAge,
        @DefaultValue("20s") Duration prepareInterval) {

    /** The wait after {@code failures} failed attempts in a row (at least one). */
    Duration backoff(int failures) {
        Duration wait = retryMin;
        for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
