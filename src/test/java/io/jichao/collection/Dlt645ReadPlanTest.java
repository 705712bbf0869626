package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Phase;
import io.jichao.collection.Dlt645ReadPlan.PlannedRead;
import io.jichao.protocol.dlt645.DataItem2007;

class Dlt645ReadPlanTest {

    @Test
    void a_three_phase_2007_voltage_block_falls_back_to_the_single_items_that_are_wanted() {
        List<PlannedRead> plan = Dlt645ReadPlan.plan(MeterProtocol.DLT645_2007, Phase.THREE,
                Set.of(ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_C));

        assertThat(plan).hasSize(1);
        PlannedRead block = plan.getFirst();
        assertThat(block.dataItem()).isEqualTo(DataItem2007.VOLTAGE_BLOCK);
        assertThat(block.serves()).containsExactly(ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_C);
        assertThat(block.fallback()).extracting(PlannedRead::dataItem)
                .containsExactly(DataItem2007.VOLTAGE_A, DataItem2007.VOLTAGE_C);
    }

    @Test
    void the_expected_items_are_what_the_meter_can_give_of_the_wanted_ones() {
        Set<ReadingItem> wanted = Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REMAINING_ENERGY,
                ReadingItem.VOLTAGE_B, ReadingItem.METER_TIME, ReadingItem.DAILY_FREEZE, ReadingItem.WATER_VOLUME,
                ReadingItem.OVERLOAD_TRIP_COUNT, ReadingItem.LAST_OVERLOAD_TRIP);

        assertThat(Dlt645ReadPlan.expected(MeterProtocol.DLT645_2007, Phase.THREE, wanted)).containsExactlyInAnyOrder(
                ReadingItem.ACTIVE_ENERGY, ReadingItem.REMAINING_ENERGY, ReadingItem.VOLTAGE_B,
                ReadingItem.METER_TIME, ReadingItem.DAILY_FREEZE, ReadingItem.OVERLOAD_TRIP_COUNT);
        assertThat(Dlt645ReadPlan.expected(MeterProtocol.DLT645_1997, Phase.SINGLE, wanted))
                .as("1997: no prepaid item, no freeze, single phase has no phase B")
                .containsExactlyInAnyOrder(ReadingItem.ACTIVE_ENERGY, ReadingItem.METER_TIME);
        assertThat(Dlt645ReadPlan.expected(MeterProtocol.MODBUS_RTU, Phase.SINGLE, wanted))
                .containsExactly(ReadingItem.WATER_VOLUME);
    }
}
