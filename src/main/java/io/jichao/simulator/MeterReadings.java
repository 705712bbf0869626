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
}
