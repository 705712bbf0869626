package io.jichao.alarm;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the alarm rules ({@code jichao.alarms.*}); see the README's table. A meter's own
 * {@code alarm_level1_kwh} / {@code alarm_level2_kwh} win over the default levels; the clock drift
 * threshold is the collection engine's {@code jichao.collection.clocks.drift-threshold}.
 *
 * @param rulesEnabled       evaluate the rules on read results and engine health in this process
 * @param level1Kwh          default level 1 of remaining energy (first warning)
 * @param level2Kwh          default level 2 (second warning), below level 1
 * @param powerJumpKw        a rise of active power by more than this between two reads is a jump
 * @param voltageMin         lowest acceptable phase voltage (V)
 * @param voltageMax         highest acceptable phase voltage (V)
 * @param meterFailures      consecutive timed-out reads that make a meter communication failure
 * @param offlineGrace       a collector or port without connection for this long raises its alarm
 * @param healthInterval     how often the engine's connections are checked
 */
@ConfigurationProperties("jichao.alarms")
public record AlarmProperties(
        @DefaultValue("true") boolean rulesEnabled,
        @DefaultValue("20") BigDecimal level1Kwh,
        @DefaultValue("10") BigDecimal level2Kwh,
        @DefaultValue("3") BigDecimal powerJumpKw,
        @DefaultValue("198") BigDecimal voltageMin,
        @DefaultValue("242") BigDecimal voltageMax,
        @DefaultValue("3") int meterFailures,
        @DefaultValue("60s") Duration offlineGrace,
        @DefaultValue("30s") Duration healthInterval) {

    public AlarmProperties {
        if (meterFailures < 1) {
            throw new IllegalArgumentException("jichao.alarms.meter-failures must be at least 1");
        }
        if (voltageMin.compareTo(voltageMax) >= 0) {
            throw new IllegalArgumentException("jichao.alarms.voltage-min must be below voltage-max");
        }
    }
}
