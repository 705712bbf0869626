package io.jichao.simulator;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A meter's energy counters in micro-kWh (exact integers; the register shows two decimals).
 * Forward energy is split over four time-of-use tariffs by the meter's clock: tariff 1 (sharp)
 * 19:00-21:00, tariff 2 (peak) 08:00-19:00, tariff 3 (flat) 06:00-08:00 and 21:00-23:00,
 * tariff 4 (valley) 23:00-06:00. Reverse energy is also added to forward energy, as the park's
 * prepaid meters do so that a wrongly wired load is still billed.
 */
final class EnergyRegisters {

    static final long MICRO_PER_KWH = 1_000_000;
    /** Registers show XXXXXX.XX and roll over at one million kWh. */
    private static final long ROLLOVER_CENTI_KWH = 100_000_000;

    private final long[] forward = new long[4];
    private final long[] reverse = new long[4];
    private long reactive;

    EnergyRegisters(BigDecimal initialForwardKwh) {
        long initial = initialForwardKwh.movePointRight(6).longValue();
        for (int tariff = 0; tariff < 4; tariff++) {
            forward[tariff] = initial / 4;
        }
        forward[0] += initial % 4;
    }

    static int tariffIndex(LocalTime time) {
        int hour = time.getHour();
        if (hour >= 19 && hour < 21) {
            return 0;
        }
        if (hour >= 8 && hour < 19) {
            return 1;
        }
        if (hour >= 23 || hour < 6) {
            return 3;
        }
        return 2;
    }

    /** Adds {@code micro} µkWh used at {@code time}, {@code reverseShare} of it flowing in reverse. */
    void add(long micro, double reverseShare, double reactivePerActive, LocalTime time) {
        int tariff = tariffIndex(time);
        forward[tariff] += micro;
        reverse[tariff] += Math.round(micro * reverseShare);
        reactive += Math.round(micro * reactivePerActive);
    }

    long forwardTotalMicro() {
        return forward[0] + forward[1] + forward[2] + forward[3];
    }

    /** Total followed by tariffs 1-4, as register values. */
    List<BigDecimal> forwardKwh() {
        return block(forward);
    }

    List<BigDecimal> reverseKwh() {
        return block(reverse);
    }

    BigDecimal reactiveKvarh() {
        return register(reactive);
    }

    static BigDecimal register(long micro) {
        return BigDecimal.valueOf(Math.floorDiv(micro, 10_000L) % ROLLOVER_CENTI_KWH, 2);
    }

    private static List<BigDecimal> block(long[] tariffs) {
        List<BigDecimal> values = new ArrayList<>(5);
        values.add(register(tariffs[0] + tariffs[1] + tariffs[2] + tariffs[3]));
        for (long tariff : tariffs) {
            values.add(register(tariff));
        }
        return values;
    }
}
