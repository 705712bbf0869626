package io.jichao.collection.bench;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import io.jichao.archive.BillingMode;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.CollectionProperties;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/**
 * A grid of SERVER-mode DH608 collectors (8 ports each) with DL/T 645-2007 three-phase prepaid
 * meters on every port, as simulator configuration and as the archive's device list. Collector c
 * (1-based) is simulator id "C{c}"; meter m of port p has address 37 cccc pp mmmm and id
 * c × 1000 + p × 100 + m.
 */
final class BenchTopology {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant SIMULATION_START = LocalDateTime.of(2024, 5, 17, 9, 0).atZone(SHANGHAI).toInstant();

    /** What a production cycle reads from a 2007 three-phase meter (the default item set without water). */
    static final Set<ReadingItem> FULL_CYCLE_ITEMS = Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REVERSE_ENERGY,
            ReadingItem.REMAINING_ENERGY, ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C,
            ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C, ReadingItem.ACTIVE_POWER,
            ReadingItem.POWER_FACTOR);

    private BenchTopology() {
    }

    static String address(int collector, int port, int meter) {
        return String.format("37%04d%02d%04d", collector, port, meter);
    }

    static long meterId(int collector, int port, int meter) {
        return collector * 1000L + port * 100L + meter;
    }

    static SimulatorConfig simulatorConfig(int collectors, int portsPerCollector, int metersPerPort, int baud,
                                           Duration responseDelay) {
        List<CollectorConfig> units = new ArrayList<>();
        for (int c = 1; c <= collectors; c++) {
            List<PortConfig> ports = new ArrayList<>();
            for (int p = 1; p <= portsPerCollector; p++) {
                List<MeterConfig> meters = new ArrayList<>();
                for (int m = 0; m < metersPerPort; m++) {
                    meters.add(MeterConfig.of(address(c, p, m)).withLoad(LoadProfile.FLAT, "1", "1", 0)
                            .withInitialEnergyKwh(new BigDecimal("1000")).withRemainingKwh(new BigDecimal("100")));
                }
                ports.add(PortConfig.of(p, BusProtocol.DLT645_2007, meters).withBaud(baud)
                        .withResponseDelay(responseDelay));
            }
            units.add(CollectorConfig.server("C" + c, Dh600Model.DH608, ports));
        }
        return SimulatorConfig.of(7, units);
    }

    static Simulator startSimulator(SimulatorConfig config) {
        return new Simulator(config, SimulationClock.manual(SIMULATION_START)).start();
    }

    /**
     * The archive's view: {@code tcpPort.applyAsInt((c - 1) * ports + (p - 1))} gives each port's
     * TCP port; {@code withMeters} false leaves the engine's ports empty (heap per port).
     */
    static List<CollectorDevice> devices(int collectors, int portsPerCollector, int metersPerPort, int baud,
                                         IntUnaryOperator tcpPort, boolean withMeters) {
        List<CollectorDevice> devices = new ArrayList<>();
        for (int c = 1; c <= collectors; c++) {
            List<PortDevice> ports = new ArrayList<>();
            for (int p = 1; p <= portsPerCollector; p++) {
                List<MeterDevice> meters = new ArrayList<>();
                for (int m = 0; withMeters && m < metersPerPort; m++) {
                    meters.add(new MeterDevice(meterId(c, p, m), address(c, p, m), null, MeterProtocol.DLT645_2007,
                            Phase.THREE, null, BillingMode.PREPAID));
                }
                ports.add(new PortDevice(p, baud, Parity.EVEN, MeterProtocol.DLT645_2007,
                        tcpPort.applyAsInt((c - 1) * portsPerCollector + (p - 1)), meters));
            }
            devices.add(new CollectorDevice(c, "C" + c, CollectorModel.DH608, ConnectionMode.SERVER, "127.0.0.1", null,
                    ports));
        }
        return devices;
    }

    static IntUnaryOperator boundPorts(Simulator simulator, int portsPerCollector) {
        return index -> simulator.boundPort("C" + (index / portsPerCollector + 1), index % portsPerCollector + 1);
    }

    /** Production timings (2 s timeout, 2 retries, 3 s connect) with the given gap; dial-in on any free loopback port. */
    static CollectionProperties properties(Duration minimumGap) {
        return new CollectionProperties(true, Duration.ofSeconds(2), Duration.ofSeconds(1), 2, minimumGap,
                Duration.ofSeconds(3), "127.0.0.1", 0, "(?<id>[!-9;-~]{1,40}):(?<port>[1-8])", Duration.ofSeconds(10),
                "HB", Duration.ofSeconds(30),
                new CollectionProperties.Cycle(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMinutes(30)),
                new CollectionProperties.Writer(100_000, 500, Duration.ofSeconds(1), Duration.ofSeconds(30)),
                new CollectionProperties.Gap(Duration.ofHours(1), Duration.ofDays(31)),
                new CollectionProperties.Clocks("0 0 3 * * *", "Asia/Shanghai", Duration.ofSeconds(1),
                        Duration.ofMinutes(10), Duration.ofSeconds(60)),
                new CollectionProperties.Scan(Duration.ofMillis(300), 256));
    }

    /** Waits until every port of {@code devices} is connected; fails after {@code limit}. */
    static void awaitConnected(CollectionEngine engine, List<CollectorDevice> devices, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long missing = devices.stream().flatMap(c -> c.ports().stream().map(p -> new PortKey(c.id(), p.portNumber())))
                    .filter(key -> !engine.link(key).map(PortLink::connected).orElse(false)).count();
            if (missing == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(missing + " ports not connected after " + limit);
            }
            Thread.sleep(100);
        }
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception unreadable) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " cores, JDK " + Runtime.version() + " ("
                + System.getProperty("java.vm.vendor") + "), max heap "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB";
    }
}
