package io.jichao.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of energy in kWh with exactly two decimals, the resolution meters display and accept
 * for recharge. Immutable, never {@code double}; sums are exact, rounding is named where it happens.
 */
public record Kwh(BigDecimal value) implements Comparable<Kwh> {

    public static final int SCALE = 2;
    public static final Kwh ZERO = new Kwh(BigDecimal.ZERO);
    public static final Kwh DEFAULT_MAX = Kwh.of("100000.00");

    /** Refuses a value with more than two decimals instead of silently rounding it. */
    public Kwh {
        if (value == null) {
            throw new IllegalArgumentException("value is required");
        }
        value = value.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static Kwh of(String kwh) {
        return new Kwh(new BigDecimal(kwh));
    }

    /** A computed value rounded to two decimals with the rounding the caller chose. */
    public static Kwh rounded(BigDecimal kwh, RoundingMode rounding) {
        return new Kwh(kwh.setScale(SCALE, rounding));
    }

    /** What a person typed: positive, at most two decimals, at most {@code max}. */
    public static Kwh parse(String text, Kwh max) {
        return new Kwh(DecimalText.parse(text, SCALE, max.value, false, "error.kwh"));
    }

    public static Kwh parse(String text) {
        return parse(text, DEFAULT_MAX);
    }

    public Kwh plus(Kwh other) {
        return new Kwh(value.add(other.value));
    }

    public Kwh minus(Kwh other) {
        return new Kwh(value.subtract(other.value));
    }

    public Kwh negate() {
        return new Kwh(value.negate());
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }

    @Override
    public int compareTo(Kwh other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
