package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One freeze record read back from a meter: the forward active total the meter froze at
 * {@code frozenAt} (its own clock, converted from its local zone to an instant).
 */
public record FrozenEnergy(Kind kind, Instant frozenAt, BigDecimal forwardKwh) {

    /** The meter's hourly (05040001/05040101) or daily (05060001/05060101) freeze. */
    public enum Kind { HOURLY, DAILY }

    public FrozenEnergy {
        if (kind == null || frozenAt == null || forwardKwh == null) {
            throw new IllegalArgumentException("kind, frozenAt and forwardKwh are required");
        }
    }
}
