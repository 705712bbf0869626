package io.jichao.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Phase;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataItem1997;
import io.jichao.protocol.dlt645.DataItem2007;

/**
 * Which DL/T 645 identifiers give which {@link ReadingItem}s. 2007 three-phase meters are asked
 * the voltage and current blocks first (one exchange for three values, which matters at ≈ 4
 * reads/s per bus); blocks are optional, so each block carries its single items as the fallback
 * for a meter that refuses it. 1997 has no standard prepaid item, so REMAINING_ENERGY is skipped
 * there.
 */
final class Dlt645ReadPlan {

    /**
     * One read and the items its value holds, in the value's order; {@code serves} are the items
     * that cannot be had without it (the date read serves METER_TIME though it stores nothing), and
     * {@code fallback} the reads that give the same items when the meter refuses this one.
     */
    record PlannedRead(DataItem dataItem, List<ReadingItem> produces, List<ReadingItem> serves,
                       List<PlannedRead> fallback) {

        PlannedRead(DataItem dataItem, List<ReadingItem> produces) {
            this(dataItem, produces, produces, List.of());
        }
    }

    private Dlt645ReadPlan() {
    }

    static List<PlannedRead> plan(MeterProtocol protocol, Phase phase, Set<ReadingItem> wanted) {
        List<PlannedRead> reads = new ArrayList<>();
        boolean v2007 = protocol == MeterProtocol.DLT645_2007;
        boolean threePhase = phase == Phase.THREE;
        if (wanted.contains(ReadingItem.ACTIVE_ENERGY)) {
            reads.add(single(v2007 ? DataItem2007.FORWARD_ACTIVE_TOTAL : DataItem1997.FORWARD_ACTIVE_TOTAL,
                    ReadingItem.ACTIVE_ENERGY));
        }
        if (wanted.contains(ReadingItem.REVERSE_ENERGY)) {
            reads.add(single(v2007 ? DataItem2007.REVERSE_ACTIVE_TOTAL : DataItem1997.REVERSE_ACTIVE_TOTAL,
                    ReadingItem.REVERSE_ENERGY));
        }
        if (wanted.contains(ReadingItem.REMAINING_ENERGY) && v2007) {
            reads.add(single(DataItem2007.REMAINING_ENERGY, ReadingItem.REMAINING_ENERGY));
        }
        if (v2007 && threePhase) {
            addBlock(reads, wanted, DataItem2007.VOLTAGE_BLOCK,
                    List.of(ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C),
                    List.of(DataItem2007.VOLTAGE_A, DataItem2007.VOLTAGE_B, DataItem2007.VOLTAGE_C));
            addBlock(reads, wanted, DataItem2007.CURRENT_BLOCK,
                    List.of(ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C),
                    List.of(DataItem2007.CURRENT_A, DataItem2007.CURRENT_B, DataItem2007.CURRENT_C));
        } else {
            addPhases(reads, wanted, v2007, threePhase);
        }
        if (wanted.contains(ReadingItem.ACTIVE_POWER)) {
            reads.add(single(v2007 ? DataItem2007.ACTIVE_POWER_TOTAL : DataItem1997.ACTIVE_POWER_TOTAL,
                    ReadingItem.ACTIVE_POWER));
        }
        if (wanted.contains(ReadingItem.POWER_FACTOR)) {
            reads.add(single(v2007 ? DataItem2007.POWER_FACTOR_TOTAL : DataItem1997.POWER_FACTOR_TOTAL,
                    ReadingItem.POWER_FACTOR));
        }
        if (wanted.contains(ReadingItem.RELAY_STATUS) && v2007) {
            reads.add(single(DataItem2007.RUN_STATUS_WORD_3, ReadingItem.RELAY_STATUS));
        }
        if (wanted.contains(ReadingItem.METER_TIME)) {
            // Date and time are two items; the reader combines them into one METER_TIME value.
            reads.add(new PlannedRead(v2007 ? DataItem2007.DATE : DataItem1997.DATE, List.of(),
                    List.of(ReadingItem.METER_TIME), List.of()));
            reads.add(single(v2007 ? DataItem2007.TIME : DataItem1997.TIME, ReadingItem.METER_TIME));
        }
        return List.copyOf(reads);
    }

    private static void addPhases(List<PlannedRead> reads, Set<ReadingItem> wanted, boolean v2007, boolean threePhase) {
        DataItem[] voltages = v2007
                ? new DataItem[] {DataItem2007.VOLTAGE_A, DataItem2007.VOLTAGE_B, DataItem2007.VOLTAGE_C}
                : new DataItem[] {DataItem1997.VOLTAGE_A, DataItem1997.VOLTAGE_B, DataItem1997.VOLTAGE_C};
        DataItem[] currents = v2007
                ? new DataItem[] {DataItem2007.CURRENT_A, DataItem2007.CURRENT_B, DataItem2007.CURRENT_C}
                : new DataItem[] {DataItem1997.CURRENT_A, DataItem1997.CURRENT_B, DataItem1997.CURRENT_C};
        ReadingItem[] voltageItems = {ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C};
        ReadingItem[] currentItems = {ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C};
        int phases = threePhase ? 3 : 1;
        for (int i = 0; i < phases; i++) {
            if (wanted.contains(voltageItems[i])) {
                reads.add(single(voltages[i], voltageItems[i]));
            }
        }
        for (int i = 0; i < phases; i++) {
            if (wanted.contains(currentItems[i])) {
                reads.add(single(currents[i], currentItems[i]));
            }
        }
    }

    /** The block, falling back to the single items that are wanted. */
    private static void addBlock(List<PlannedRead> reads, Set<ReadingItem> wanted, DataItem block,
                                 List<ReadingItem> items, List<DataItem> singles) {
        List<PlannedRead> fallback = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            if (wanted.contains(items.get(i))) {
                fallback.add(single(singles.get(i), items.get(i)));
            }
        }
        if (!fallback.isEmpty()) {
            List<ReadingItem> served = fallback.stream().map(read -> read.produces().getFirst()).toList();
            reads.add(new PlannedRead(block, items, served, List.copyOf(fallback)));
        }
    }

    /**
     * The items a meter of this protocol and phase should give of {@code wanted}: what the plan
     * reads, the daily freeze and the overload trip count on 2007 meters (the last trip's record
     * exists only once the meter has tripped, so it is never expected).
     */
    static Set<ReadingItem> expected(MeterProtocol protocol, Phase phase, Set<ReadingItem> wanted) {
        Set<ReadingItem> items = java.util.EnumSet.noneOf(ReadingItem.class);
        if (protocol == MeterProtocol.MODBUS_RTU) {
            if (wanted.contains(ReadingItem.WATER_VOLUME)) {
                items.add(ReadingItem.WATER_VOLUME);
            }
            return items;
        }
        plan(protocol, phase, wanted).forEach(read -> items.addAll(read.serves()));
        if (protocol == MeterProtocol.DLT645_2007) {
            for (ReadingItem item : List.of(ReadingItem.DAILY_FREEZE, ReadingItem.OVERLOAD_TRIP_COUNT)) {
                if (wanted.contains(item)) {
                    items.add(item);
                }
            }
        }
        return items;
    }

    private static PlannedRead single(DataItem item, ReadingItem produces) {
        return new PlannedRead(item, List.of(produces));
    }
}
