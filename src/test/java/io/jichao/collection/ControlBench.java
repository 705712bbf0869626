package io.jichao.collection;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/**
 * For the control tests (another package): archived meters on one simulated port of collector
 * "R" over real TCP, and a running engine whose clock follows the simulator's manual clock.
 */
public final class ControlBench implements AutoCloseable {

    private final Simulator simulator;
    private final CollectionEngine engine;
    private final SimulationClock.Manual clock;

    private ControlBench(Simulator simulator, CollectionEngine engine, SimulationClock.Manual clock) {
        this.simulator = simulator;
        this.engine = engine;
        this.clock = clock;
    }

    /** Each meter as the recharge tests simulate it (100 kWh, flat 1 kW), changed by {@code tune}. */
    public static ControlBench start(List<ArchivedMeter> meters, SimulationClock.Manual clock,
                                     UnaryOperator<MeterConfig> tune) {
        List<MeterConfig> configs = RechargeDeliveryFixtures.simulated(meters).stream().map(tune).toList();
        Simulator simulator = new Simulator(SimulatorConfig.of(7, List.of(CollectorConfig.server("R", Dh600Model.DH604,
                List.of(EngineFixtures.port(1, 9600, Duration.ZERO, configs))))), clock).start();
        CollectionEngine engine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(300), 1),
                EngineFixtures.following(clock), EngineFixtures.SHANGHAI);
        engine.start(List.of(RechargeDeliveryFixtures.device(simulator, List.of(meters))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().ports().stream()
                .allMatch(EngineStatus.PortStatus::connected));
        return new ControlBench(simulator, engine, clock);
    }

    public CollectionEngine engine() {
        return engine;
    }

    public Simulator simulator() {
        return simulator;
    }

    /** The engine's clock: the simulator's. */
    public Clock clock() {
        return EngineFixtures.following(clock);
    }

    public ElectricMeter meter(ArchivedMeter meter) {
        return simulator.electricMeter("R", 1, meter.address());
    }

    @Override
    public void close() {
        engine.stop();
        simulator.close();
    }
}
