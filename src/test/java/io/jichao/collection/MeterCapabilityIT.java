package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.device;
import static io.jichao.collection.EngineFixtures.meterId;
import static io.jichao.collection.EngineFixtures.meters;
import static io.jichao.collection.EngineFixtures.port;
import static io.jichao.collection.EngineFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jichao.archive.ConnectionMode;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;

/**
 * Meters that refuse items, over real TCP with the simulator: a meter without the optional voltage
 * and current blocks is read through the single items in the same visit, what a meter refuses is
 * remembered and not asked again until the daily re-probe, and no result calls a meter complete
 * while expected items are missing.
 */
class MeterCapabilityIT {

    private static final Set<ReadingItem> ITEMS = EngineFixtures.CYCLE_ITEMS;
    private static final long NO_BLOCKS = meterId(1, 1, 0);
    private static final long REFUSES_SINGLES = meterId(1, 1, 1);
    private static final long COMPLETE = meterId(1, 1, 2);

    private Simulator simulator;
    private CollectionEngine engine;
    private SimulationClock.Manual clock;

    @BeforeEach
    void start() {
        simulator = EngineFixtures.start(CollectorConfig.server("A", Dh600Model.DH604, List.of(
                port(1, 9600, Duration.ofMillis(5), meters("3701010100", 3)))));
        clock = (SimulationClock.Manual) simulator.clock();
        simulatedMeter(0).faults().setRefused(DataItem2007.VOLTAGE_BLOCK, DataItem2007.CURRENT_BLOCK);
        simulatedMeter(1).faults().setRefused(DataItem2007.VOLTAGE_BLOCK, DataItem2007.VOLTAGE_B,
                DataItem2007.REVERSE_ACTIVE_TOTAL);
        engine = new CollectionEngine(properties(Duration.ofMillis(500), 1), EngineFixtures.following(clock),
                EngineFixtures.SHANGHAI, new MeterCapabilities(EngineFixtures.following(clock), Duration.ofHours(24)));
        engine.start(List.of(device(simulator, 1, "A", ConnectionMode.SERVER, null)));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> engine.link(new PortKey(1, 1)).map(PortLink::connected).orElse(false));
    }

    @AfterEach
    void stop() {
        engine.stop();
        simulator.close();
    }

    @Test
    void a_meter_refusing_the_blocks_gets_voltage_and_current_per_phase_from_the_single_items_in_the_same_cycle() {
        Map<Long, MeterReadResult> results = cycle();

        MeterReadResult noBlocks = results.get(NO_BLOCKS);
        ElectricMeter simulated = simulatedMeter(0);
        for (ReadingItem item : List.of(ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C,
                ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C)) {
            assertThat(noBlocks.value(item)).as(item.name()).isPresent();
        }
        assertThat(noBlocks.value(ReadingItem.VOLTAGE_A).orElseThrow().value())
                .isEqualByComparingTo(simulated.readings().voltages().getFirst().setScale(1, java.math.RoundingMode.HALF_UP));
        assertThat(noBlocks.missing()).isEmpty();
        assertThat(noBlocks.partial()).isFalse();
        assertThat(engine.capabilities().refusals(NO_BLOCKS)).containsOnlyKeys("0201FF00", "0202FF00");
        assertThat(results.get(COMPLETE).missing()).isEmpty();
        assertThat(results.get(COMPLETE).unsupported()).isEmpty();
    }

    @Test
    void an_item_refused_for_the_first_time_makes_the_meter_partial_then_it_is_known_unsupported_and_not_asked() {
        MeterReadResult first = cycle().get(REFUSES_SINGLES);
        assertThat(first.succeeded()).isTrue();
        assertThat(first.partial()).as("refused for the first time: not stored, so not complete").isTrue();
        assertThat(first.missing()).containsExactlyInAnyOrder(ReadingItem.VOLTAGE_B, ReadingItem.REVERSE_ENERGY);
        assertThat(first.value(ReadingItem.VOLTAGE_A)).isPresent();
        assertThat(first.value(ReadingItem.VOLTAGE_C)).isPresent();
        assertThat(first.value(ReadingItem.CURRENT_B)).as("its current block works").isPresent();
        assertThat(engine.health(REFUSES_SINGLES).partial()).isTrue();

        clock.advance(Duration.ofMinutes(15));
        MeterReadResult second = cycle().get(REFUSES_SINGLES);

        assertThat(second.partial()).as("known unsupported items do not keep the meter PARTIAL").isFalse();
        assertThat(second.missing()).isEmpty();
        assertThat(second.unsupported()).containsExactlyInAnyOrder(ReadingItem.VOLTAGE_B, ReadingItem.REVERSE_ENERGY);
        assertThat(engine.health(REFUSES_SINGLES).unsupported())
                .containsExactlyInAnyOrder(ReadingItem.VOLTAGE_B, ReadingItem.REVERSE_ENERGY);
    }

    @Test
    void once_learned_a_refused_block_costs_at_most_one_extra_exchange_per_meter_per_day() {
        long completeStart = simulatedMeter(2).faults().reads();
        long noBlocksStart = simulatedMeter(0).faults().reads();
        cycle();
        long completePerCycle = simulatedMeter(2).faults().reads() - completeStart;
        long firstCycle = simulatedMeter(0).faults().reads() - noBlocksStart;
        // Two refused blocks, each followed by its three single items.
        assertThat(firstCycle).isEqualTo(completePerCycle + 2 * 3);

        int cyclesPerDay = 8;
        long dayStart = simulatedMeter(0).faults().reads();
        for (int i = 0; i < cyclesPerDay; i++) {
            clock.advance(Duration.ofHours(2));
            cycle();
        }
        long learnedDay = simulatedMeter(0).faults().reads() - dayStart;
        long singlesInsteadOfBlocks = completePerCycle - 2 + 2 * 3;
        assertThat(learnedDay).as("the blocks are not asked again within the re-probe period")
                .isEqualTo(cyclesPerDay * singlesInsteadOfBlocks);

        clock.advance(Duration.ofHours(9));
        long reprobeStart = simulatedMeter(0).faults().reads();
        cycle();
        cycle();
        assertThat(simulatedMeter(0).faults().reads() - reprobeStart)
                .as("a day later each block is re-probed once, then skipped again")
                .isEqualTo(2 * singlesInsteadOfBlocks + 2);
    }

    @Test
    void a_meter_that_starts_answering_a_refused_block_again_is_read_by_the_block_after_the_reprobe() {
        cycle();
        simulatedMeter(0).faults().setRefused();

        clock.advance(Duration.ofHours(25));
        MeterReadResult result = cycle().get(NO_BLOCKS);

        assertThat(result.missing()).isEmpty();
        assertThat(result.value(ReadingItem.CURRENT_C)).isPresent();
        assertThat(engine.capabilities().refusals(NO_BLOCKS)).isEmpty();
    }

    private Map<Long, MeterReadResult> cycle() {
        Map<Long, MeterReadResult> results = new ConcurrentHashMap<>();
        CycleProgress progress = engine.runCycle(ITEMS, result -> results.put(result.meterId(), result));
        assertThat(progress.failed()).isZero();
        return results;
    }

    private ElectricMeter simulatedMeter(int index) {
        return simulator.electricMeter("A", 1, String.format("3701010100%02d", index + 1));
    }
}
