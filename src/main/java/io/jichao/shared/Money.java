package io.jichao.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of yuan, always with exactly two decimals (fen). Immutable; arithmetic never uses
 * {@code double}. Sums and differences are exact; the only rounding is in {@link #times}, which
 * rounds half up to the fen, so every rounding is visible at its call site.
 */
public record Money(BigDecimal yuan) implements Comparable<Money> {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    /** No single amount typed by a person may exceed this unless a caller passes its own limit. */
    public static final Money DEFAULT_MAX = Money.of("100000.00");

    /** Refuses a value with more than two decimals instead of silently rounding it. */
    public Money {
        if (yuan == null) {
            throw new IllegalArgumentException("yuan is required");
        }
        yuan = yuan.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** An exact literal such as {@code "12.30"}; for code and tests, not for user input. */
    public static Money of(String yuan) {
        return new Money(new BigDecimal(yuan));
    }

    /** A computed value rounded half up to the fen. */
    public static Money rounded(BigDecimal yuan) {
        return new Money(yuan.setScale(SCALE, ROUNDING));
    }

    /** What a person typed: positive, at most two decimals, at most {@code max}. */
    public static Money parse(String text, Money max) {
        return new Money(DecimalText.parse(text, SCALE, max.yuan, false, "error.money"));
    }

    /** {@link #parse(String, Money)} with {@link #DEFAULT_MAX}. */
    public static Money parse(String text) {
        return parse(text, DEFAULT_MAX);
    }

    public Money plus(Money other) {
        return new Money(yuan.add(other.yuan));
    }

    public Money minus(Money other) {
        return new Money(yuan.subtract(other.yuan));
    }

    /** Multiplies by a factor (a price, a ratio) and rounds half up to the fen. */
    public Money times(BigDecimal factor) {
        return rounded(yuan.multiply(factor));
    }

    public Money negate() {
        return new Money(yuan.negate());
    }

    public boolean isPositive() {
        return yuan.signum() > 0;
    }

    public boolean isNegative() {
        return yuan.signum() < 0;
    }

    public boolean isZero() {
        return yuan.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return yuan.compareTo(other.yuan);
    }

    /** Plain digits with two decimals, e.g. {@code 1234.50}; views add the currency sign. */
    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
