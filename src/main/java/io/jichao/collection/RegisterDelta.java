package io.jichao.collection;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Energy used between two readings of a forward active-energy register. DL/T 645 registers hold
 * XXXXXX.XX kWh and roll over from 999999.99 to 0; a register that goes back otherwise (meter
 * replaced at the same archive entry, register reset) gives no usage rather than a negative or
 * invented one.
 */
public final class RegisterDelta {

    static final BigDecimal MODULUS = new BigDecimal("1000000");
    /** A roll-over is believed only from the register's last tenth to its first tenth. */
    private static final BigDecimal ROLL_OVER_FROM = new BigDecimal("900000");
    private static final BigDecimal ROLL_OVER_TO = new BigDecimal("100000");

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
}
