package io.jichao.faultmap;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.jichao.shared.DomainException;

/**
 * A place on a floor plan as fractions of its width and height, 0 (left, top) to 1 (right,
 * bottom), kept to five decimals like {@code meter.plan_x}: independent of the size the plan is
 * drawn at and of a later plan of another resolution.
 */
public record PlanPosition(BigDecimal x, BigDecimal y) {

    public static final int SCALE = 5;

    public PlanPosition {
        x = fraction(x);
        y = fraction(y);
    }

    /** From the fractions a click gives; the browser's coordinates are doubles. */
    public static PlanPosition of(double x, double y) {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new DomainException("faultmap.error.position");
        }
        return new PlanPosition(BigDecimal.valueOf(x), BigDecimal.valueOf(y));
    }

    private static BigDecimal fraction(BigDecimal value) {
        if (value == null) {
            throw new DomainException("faultmap.error.position");
        }
        BigDecimal scaled = value.setScale(SCALE, RoundingMode.HALF_UP);
        if (scaled.signum() < 0 || scaled.compareTo(BigDecimal.ONE) > 0) {
            throw new DomainException("faultmap.error.position");
        }
        return scaled;
    }
}
