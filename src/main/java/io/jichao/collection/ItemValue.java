package io.jichao.collection;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One value read from a meter. {@code meterTime} is the meter's own local time where the value
 * carries one (the clock item), otherwise null.
 */
public record ItemValue(ReadingItem item, BigDecimal value, LocalDateTime meterTime) {

    public ItemValue {
        if (item == null || value == null) {
            throw new IllegalArgumentException("item and value are required");
        }
    }
}
