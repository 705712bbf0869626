package io.jichao.simulator;

import io.jichao.protocol.dlt645.Dlt645Version;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The DH600 collector and meter simulator: builds every collector, bus and meter of a
 * {@link SimulatorConfig} on one small Netty event-loop group. Meters exist (and can be driven
 * through their Java API) from construction; {@link #start()} opens the network side.
 *
 * <pre>{@code
 * try (Simulator simulator = new Simulator(config, SimulationClock.manual(start))) {
 *     simulator.start();
 *     int tcpPort = simulator.boundPort("A", 1);
 *     simulator.faults().shortPort("A", 2);
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    private static final int EVENT_LOOP_THREADS = 2;

    private final SimulatorConfig config;
    private final SimulationClock clock;
    private final EventLoopGroup group;
    private final Map<String, SimulatedCollector> collectors = new LinkedHashMap<>();
    private final FaultInjector faults = new FaultInjector(this);
    private boolean started;

    public Simulator(SimulatorConfig config, SimulationClock clock) {
        this.config = config;
        this.clock = clock;
        this.group = new MultiThreadIoEventLoopGroup(EVENT_LOOP_THREADS, NioIoHandler.newFactory());
        for (CollectorConfig collector : config.collectors()) {
            collectors.put(collector.id(), collector(collector));
        }
    }

    /** A simulator on a clock running {@code config.timeScale()} times real time from now. */
    public static Simulator running(SimulatorConfig config) {
        return new Simulator(config, SimulationClock.scaled(java.time.Instant.now(), config.timeScale()));
    }

    /** Listens (SERVER collectors, returning once every port is bound) and dials (CLIENT collectors). */
    public synchronized Simulator start() {
        if (!started) {
            started = true;
            collectors.values().forEach(SimulatedCollector::start);
        }
        return this;
    }

    /**
     * Starts each collector on its own, like {@link #start()}, but one whose network cannot start
     * (a TCP port already taken) is stopped again and returned with the reason; the others run.
     */
    public synchronized Map<String, Exception> startEach() {
        Map<String, Exception> skipped = new LinkedHashMap<>();
        if (!started) {
            started = true;
            for (SimulatedCollector collector : collectors.values()) {
                try {
                    collector.start();
                } catch (Exception e) {
                    // Netty's sync rethrows the bind's checked BindException undeclared: catch them all.
                    collector.stop();
                    skipped.put(collector.id(), e);
                }
            }
        }
        return skipped;
    }

    /** Stops every collector and the event loops; waits at most a few seconds. */
    @Override
    public synchronized void close() {
        collectors.values().forEach(SimulatedCollector::stop);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimulationClock clock() {
        return clock;
    }

    public FaultInjector faults() {
        return faults;
    }

    public Collection<SimulatedCollector> collectors() {
        return List.copyOf(collectors.values());
    }

    public SimulatedCollector collector(String id) {
        SimulatedCollector collector = collectors.get(id);
        if (collector == null) {
            throw new IllegalArgumentException("no collector " + id);
        }
        return collector;
    }

    public SimulatedBus bus(String collectorId, int port) {
        return collector(collectorId).bus(port);
    }

    /** The TCP port a SERVER-mode collector's serial port listens on (useful with tcpPort 0). */
    public int boundPort(String collectorId, int port) {
        if (!(collector(collectorId) instanceof ServerModeCollector server)) {
            throw new IllegalArgumentException("collector " + collectorId + " dials in; it does not listen");
        }
        return server.boundPort(port);
    }

    public ElectricMeter electricMeter(String collectorId, int port, String address) {
        if (!(device(collectorId, port, address) instanceof ElectricMeter meter)) {
            throw new IllegalArgumentException(address + " on " + collectorId + "/" + port + " is a water meter");
        }
        return meter;
    }

    public WaterMeter waterMeter(String collectorId, int port, String address) {
        if (!(device(collectorId, port, address) instanceof WaterMeter meter)) {
            throw new IllegalArgumentException(address + " on " + collectorId + "/" + port + " is an electricity meter");
        }
        return meter;
    }

    BusDevice device(String collectorId, int port, String address) {
        return bus(collectorId, port).devices().stream()
                .filter(device -> device.address().digits().equals(address))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no meter " + address + " on " + collectorId + "/" + port));
    }

    private SimulatedCollector collector(CollectorConfig collector) {
        Map<Integer, SimulatedBus> buses = new HashMap<>();
        for (PortConfig port : collector.ports()) {
            buses.put(port.number(), bus(collector.id(), port));
        }
        return collector.mode() == CollectorMode.SERVER
                ? new ServerModeCollector(collector, buses, group)
                : new DialInCollector(collector, buses, group);
    }

    private SimulatedBus bus(String collectorId, PortConfig port) {
        String busKey = collectorId + "/" + port.number();
        BusResponder responder;
        List<BusDevice> devices = new ArrayList<>();
        if (port.protocol() == BusProtocol.MODBUS_RTU) {
            List<WaterMeter> meters = port.meters().stream()
                    .map(meter -> new WaterMeter(meter, clock, config.zone(), seed(busKey, meter.address()))).toList();
            devices.addAll(meters);
            responder = new ModbusBusResponder(meters);
        } else {
            List<ElectricMeter> meters = port.meters().stream()
                    .map(meter -> new ElectricMeter(meter, clock, config.zone(), seed(busKey, meter.address()))).toList();
            devices.addAll(meters);
            responder = new Dlt645BusResponder(meters, port.protocol() == BusProtocol.DLT645_1997
                    ? Dlt645Version.V1997 : Dlt645Version.V2007);
        }
        return new SimulatedBus(collectorId, port, devices, responder, group.next(), seed(busKey, "bus"));
    }

    /** A seed per meter and bus, stable for a given site seed so runs repeat. */
    private long seed(String busKey, String name) {
        long hash = (busKey + "#" + name).hashCode();
        long mixed = (config.seed() ^ 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L + hash * 0x94D049BB133111EBL;
        return mixed ^ (mixed >>> 31);
    }
}
