package io.jichao.simulator;

import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataValue.QuantityBlock;
import io.jichao.protocol.dlt645.ValueFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Encodes numbers into an item's BCD layout, clamping to what its bytes can hold. */
final class Dlt645Values {

    private Dlt645Values() {
    }

    static byte[] number(DataItem item, BigDecimal value) {
        return numbers(item, List.of(value));
    }

    static byte[] numbers(DataItem item, List<BigDecimal> values) {
        if (!(item.format() instanceof ValueFormat.Decimal format) || format.count() != values.size()) {
            throw new IllegalArgumentException(item.name() + " does not hold " + values.size() + " number(s)");
        }
        List<BigDecimal> fitted = values.stream().map(value -> fit(value, format)).toList();
        return format.count() == 1 ? format.encode(fitted.getFirst())
                : format.encode(new QuantityBlock(fitted, format.unit()));
    }

    /** Rounds to the format's scale; a value beyond its range reads as the largest one (a real meter saturates). */
    static BigDecimal fit(BigDecimal value, ValueFormat.Decimal format) {
        BigDecimal scaled = value.setScale(format.scale(), RoundingMode.HALF_UP);
        if (!format.signed() && scaled.signum() < 0) {
            return BigDecimal.ZERO.setScale(format.scale());
        }
        int digits = 2 * format.elementLength();
        BigDecimal maxUnscaled = format.signed()
                ? BigDecimal.valueOf(8).scaleByPowerOfTen(digits - 1).subtract(BigDecimal.ONE)
                : BigDecimal.TEN.pow(digits).subtract(BigDecimal.ONE);
        BigDecimal max = maxUnscaled.scaleByPowerOfTen(-format.scale()).setScale(format.scale());
        if (scaled.abs().compareTo(max) > 0) {
            return scaled.signum() < 0 ? max.negate() : max;
        }
        return scaled;
    }
}
