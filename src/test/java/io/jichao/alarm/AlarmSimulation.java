package io.jichao.alarm;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.awaitility.Awaitility;

import io.jichao.archive.BillingMode;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Phase;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.EngineStatus;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.ReadingItem;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.MeterPhase;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/**
 * Real meters of the demo archive on a simulated bus over real TCP: the first meters of a DL/T
 * 645-2007 port of a SERVER-mode demo collector, simulated as a one-port DH601 with a manual clock
 * that starts now (so the meters' clocks agree with the engine's), driven by the Spring engine.
 * Each meter draws a flat 1 kW with 100 kWh credit and trips above 5 kW unless configured otherwise.
 */
final class AlarmSimulation implements AutoCloseable {

    static final String COLLECTOR = "X";

    final Simulator simulator;
    final CollectorDevice collector;
    final PortDevice port;
    final List<MeterDevice> meters;
    private final CollectionEngine engine;
    private final MeterReadEvents readEvents;
    private final MeterAlarmRules rules;

    private AlarmSimulation(Simulator simulator, CollectorDevice collector, PortDevice port,
                            CollectionEngine engine, MeterReadEvents readEvents, MeterAlarmRules rules) {
        this.simulator = simulator;
        this.collector = collector;
        this.port = port;
        this.meters = port.meters();
        this.engine = engine;
        this.readEvents = readEvents;
        this.rules = rules;
    }

    /** Simulates {@code count} meters of the first suitable demo port; {@code configure} adjusts each meter. */
    static AlarmSimulation start(DeviceInventory inventory, CollectionEngine engine, MeterReadEvents readEvents,
                                 MeterAlarmRules rules, int count, UnaryOperator<MeterConfig> configure) {
        return start(inventory, engine, readEvents, rules, count, BillingMode.PREPAID, configure);
    }

    /** The same with meters of the given billing mode (prepaid ones get their credit simulated). */
    static AlarmSimulation start(DeviceInventory inventory, CollectionEngine engine, MeterReadEvents readEvents,
                                 MeterAlarmRules rules, int count, BillingMode billing,
                                 UnaryOperator<MeterConfig> configure) {
        CollectorDevice archived = inventory.enabledCollectors().stream()
                .filter(c -> c.mode() == ConnectionMode.SERVER)
                .filter(c -> c.ports().stream().anyMatch(p -> suitable(p, count, billing)))
                .findFirst().orElseThrow();
        PortDevice archivedPort = archived.ports().stream().filter(p -> suitable(p, count, billing))
                .findFirst().orElseThrow();
        List<MeterDevice> chosen = archivedPort.meters().stream().filter(m -> m.billingMode() == billing)
                .limit(count).toList();
        List<MeterConfig> configs = new ArrayList<>();
        for (MeterDevice meter : chosen) {
            configs.add(configure.apply(MeterConfig.of(meter.wireAddress())
                    .withPhase(meter.phase() == Phase.SINGLE ? MeterPhase.SINGLE : MeterPhase.THREE)
                    .withLoad(LoadProfile.FLAT, "1", "1", 0)
                    .withInitialEnergyKwh(new BigDecimal("1000"))
                    .withRemainingKwh(new BigDecimal("100"))
                    .withOverload(new BigDecimal("5"), BigDecimal.ZERO)));
        }
        PortConfig portConfig = PortConfig.of(archivedPort.portNumber(), BusProtocol.DLT645_2007, configs)
                .withBaud(9600).withResponseDelay(Duration.ofMillis(5));
        Simulator simulator = new Simulator(SimulatorConfig.of(7, List.of(
                CollectorConfig.server(COLLECTOR, Dh600Model.DH601, List.of(portConfig)))),
                SimulationClock.manual(Instant.now())).start();
        PortDevice port = new PortDevice(archivedPort.portNumber(), 9600, archivedPort.parity(),
                MeterProtocol.DLT645_2007, simulator.boundPort(COLLECTOR, archivedPort.portNumber()), chosen);
        CollectorDevice collector = new CollectorDevice(archived.id(), archived.name(), archived.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(port));
        engine.start(List.of(collector));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> engine.status().collectors().stream()
                .allMatch(EngineStatus.CollectorStatus::online));
        return new AlarmSimulation(simulator, collector, port, engine, readEvents, rules);
    }

    private static boolean suitable(PortDevice port, int count, BillingMode billing) {
        return port.protocol() == MeterProtocol.DLT645_2007
                && port.meters().stream().filter(m -> m.billingMode() == billing).count() >= count;
    }

    /** One cycle of {@code items} over the simulated meters, every result published like the cycle job does, judged. */
    void cycle(Set<ReadingItem> items) {
        engine.runCycle(items, readEvents::publish);
        rules.drain();
    }

    ElectricMeter meter(int index) {
        return simulator.electricMeter(COLLECTOR, port.portNumber(), meters.get(index).wireAddress());
    }

    long meterId(int index) {
        return meters.get(index).id();
    }

    void advance(Duration duration) {
        ((SimulationClock.Manual) simulator.clock()).advance(duration);
    }

    @Override
    public void close() {
        engine.stop();
        simulator.close();
    }
}
