package io.jichao.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives voltages, currents and power factors from the metered power. Voltage, power factor
 * and frequency wander a little from minute to minute (seeded); a three-phase load is split
 * 35/33/32 % over phases A/B/C.
 */
final class MeterReadingsCalculator {

    private static final double[] THREE_PHASE_SPLIT = {0.35, 0.33, 0.32};

    private MeterReadingsCalculator() {
    }

    static double powerFactor(LoadModel load, Instant time, double powerKw) {
        if (powerKw <= 0) {
            return 1.0;
        }
        return Math.max(0.8, Math.min(0.999, 0.93 + 0.02 * load.gaussian(time, LoadModel.POWER_FACTOR)));
    }

    static MeterReadings readings(LoadModel load, Instant time, double powerKw, MeterPhase phase) {
        int phases = phase == MeterPhase.THREE ? 3 : 1;
        double powerFactor = powerFactor(load, time, powerKw);
        BigDecimal total = scaled(powerKw, 4);
        List<BigDecimal> voltages = new ArrayList<>();
        List<BigDecimal> currents = new ArrayList<>();
        List<BigDecimal> phasePowers = new ArrayList<>();
        List<BigDecimal> powerFactors = new ArrayList<>();
        BigDecimal assigned = BigDecimal.ZERO.setScale(4);
        for (int i = 0; i < 3; i++) {
            boolean wired = i < phases;
            double volts = wired ? 220 + 2.5 * load.gaussian(time, LoadModel.VOLTAGE_A + i) : 0;
            BigDecimal phasePower;
            if (!wired) {
                phasePower = BigDecimal.ZERO.setScale(4);
            } else if (i == phases - 1) {
                phasePower = total.subtract(assigned);
            } else {
                phasePower = scaled(powerKw * THREE_PHASE_SPLIT[i], 4);
            }
            assigned = assigned.add(phasePower);
            double amps = volts > 0 ? phasePower.doubleValue() * 1000 / (volts * powerFactor) : 0;
            voltages.add(scaled(volts, 1));
            currents.add(scaled(amps, 3));
            phasePowers.add(phasePower);
            powerFactors.add(scaled(wired ? powerFactor : 0, 3));
        }
        double hertz = 50 + 0.02 * load.gaussian(time, LoadModel.FREQUENCY);
        return new MeterReadings(voltages, currents, total, phasePowers, scaled(powerFactor, 3), powerFactors,
                scaled(hertz, 2));
    }

    private static BigDecimal scaled(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }
}
