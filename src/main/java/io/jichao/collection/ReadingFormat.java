package io.jichao.collection;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Phase;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.ValueFormat;

/**
 * A read value as the meter reports it (issue 13.6): with the decimals of the item's DL/T 645-2007
 * format from the protocol core (energy 2, voltage 1, current 3, power 4, power factor 3), so a
 * value read now and the same value stored (the database keeps 4 decimals) look alike: 35594.63,
 * not 35594.6300. A value with more significant decimals than its item's (a Modbus or water
 * register, a computed figure) keeps them: nothing is rounded away.
 */
public final class ReadingFormat {

    /** m³ from a register that counts litres. */
    private static final int WATER_SCALE = 3;
    private static final Map<ReadingItem, Integer> SCALES = scales();

    private ReadingFormat() {
    }

    /** The item's own decimals; 0 for counts, seconds and status words. */
    public static int scale(ReadingItem item) {
        return SCALES.getOrDefault(item, 0);
    }

    public static String format(ReadingItem item, BigDecimal value) {
        int significant = value.stripTrailingZeros().scale();
        return value.setScale(Math.max(scale(item), significant)).toPlainString();
    }

    public static String format(ItemValue value) {
        return format(value.item(), value.value());
    }

    public static String format(StoredReading reading) {
        return format(reading.item(), reading.value());
    }

    /** The identifiers the engine reads each item with (one copy: {@link Dlt645ReadPlan}), and their formats. */
    private static Map<ReadingItem, Integer> scales() {
        Map<ReadingItem, Integer> scales = new EnumMap<>(ReadingItem.class);
        for (ReadingItem item : ReadingItem.values()) {
            Dlt645ReadPlan.plan(MeterProtocol.DLT645_2007, Phase.THREE, Set.of(item)).stream()
                    .filter(read -> read.produces().contains(item))
                    .findFirst()
                    .flatMap(read -> decimals(read.dataItem()))
                    .ifPresent(scale -> scales.put(item, scale));
        }
        decimals(DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE).ifPresent(scale -> scales.put(ReadingItem.DAILY_FREEZE, scale));
        scales.put(ReadingItem.WATER_VOLUME, WATER_SCALE);
        return scales;
    }

    private static Optional<Integer> decimals(DataItem item) {
        return item.format() instanceof ValueFormat.Decimal decimal
                ? Optional.of(decimal.scale()) : Optional.empty();
    }
}
