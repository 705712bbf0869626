package io.jichao.collection;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Energy used between two readings of a forward active-energy register: the one register rule of
 * the product, used by {@link PeriodEnergy} (settlement, statements) and by the energy reports'
 * streaming pass. DL/T 645 registers hold XXXXXX.XX kWh and roll over from 999999.99 to 0; a
 * register that goes back otherwise (meter replaced at the same archive entry, register reset)
 * gives no usage rather than a negative or invented one.
 */
public final class RegisterDelta {

    static final BigDecimal MODULUS = new BigDecimal("1000000");
    /** A roll-over is believed only from the register's last tenth to its first tenth. */
    private static final BigDecimal ROLL_OVER_FROM = new BigDecimal("900000");
    private static final BigDecimal ROLL_OVER_TO = new BigDecimal("100000");

    /** The same thresholds in 0.0001 kWh, for callers that add exact integers. */
    private static final long UNITS = 10_000;
    private static final long MODULUS_UNITS = 1_000_000 * UNITS;
    private static final long ROLL_OVER_FROM_UNITS = 900_000 * UNITS;
    private static final long ROLL_OVER_TO_UNITS = 100_000 * UNITS;

    private RegisterDelta() {
    }

    public static Optional<BigDecimal> between(BigDecimal previous, BigDecimal closing) {
        if (closing.compareTo(previous) >= 0) {
            return Optional.of(closing.subtract(previous));
        }
        if (previous.compareTo(ROLL_OVER_FROM) >= 0 && closing.compareTo(ROLL_OVER_TO) < 0) {
            return Optional.of(closing.add(MODULUS).subtract(previous));
        }
        return Optional.empty();
    }

    /**
     * {@link #between} on registers in 0.0001 kWh: the units used, or −1 when the register went
     * back without rolling over.
     */
    public static long unitsBetween(long previous, long closing) {
        if (closing >= previous) {
            return closing - previous;
        }
        if (previous >= ROLL_OVER_FROM_UNITS && closing < ROLL_OVER_TO_UNITS) {
            return closing + MODULUS_UNITS - previous;
        }
        return -1;
    }
}
