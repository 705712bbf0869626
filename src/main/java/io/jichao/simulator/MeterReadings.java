package io.jichao.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * The instantaneous values of a meter, consistent with each other: per phase
 * current = power / (voltage × power factor), and the phase powers add up to the total.
 * Phases B and C read zero on a single-phase meter; everything but voltage is zero while the
 * relay is open.
 */
public record MeterReadings(List<BigDecimal> voltages, List<BigDecimal> currents, BigDecimal totalPowerKw,
                            List<BigDecimal> phasePowersKw, BigDecimal totalPowerFactor,
                            List<BigDecimal> phasePowerFactors, BigDecimal frequency) {

    public MeterReadings {
        voltages = List.copyOf(voltages);
        currents = List.copyOf(currents);
        phasePowersKw = List.copyOf(phasePowersKw);
        phasePowerFactors = List.copyOf(phasePowerFactors);
    }

    /** The same readings with {@code volts} on every wired (non-zero) phase; currents are left as they are. */
    MeterReadings withVoltage(BigDecimal volts) {
        List<BigDecimal> forced = voltages.stream().map(v -> v.signum() == 0 ? v : volts.setScale(1)).toList();
        return new MeterReadings(forced, currents, totalPowerKw, phasePowersKw, totalPowerFactor, phasePowerFactors,
                frequency);
    }
}
