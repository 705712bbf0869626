package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.jichao.archive.BillingMode;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.collection.link.DialInSettings;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;

/** Builds engine settings and archive-like device lists that mirror a running simulator. */
final class EngineFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** What the former single cycle read: every item but the daily freeze. */
    static final Set<ReadingItem> CYCLE_ITEMS = Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REVERSE_ENERGY,
            ReadingItem.REMAINING_ENERGY, ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C,
            ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C, ReadingItem.ACTIVE_POWER,
            ReadingItem.POWER_FACTOR, ReadingItem.METER_TIME, ReadingItem.WATER_VOLUME);
    static final Instant SIMULATION_START = LocalDateTime.of(2024, 5, 17, 9, 0).atZone(SHANGHAI).toInstant();

    private EngineFixtures() {
    }

    /** Test timings: no gap, short timeouts, dial-in on any free port with a fast heartbeat. */
    static CollectionProperties properties(Duration answerTimeout, int retries) {
        return new CollectionProperties(true, answerTimeout, answerTimeout, retries, Duration.ZERO,
                Duration.ofSeconds(2), "127.0.0.1", 0, DialInSettings.DEFAULT_REGISTRATION_REGEX, Duration.ofSeconds(2),
                "HB", Duration.ofMillis(200),
                new CollectionProperties.Cycle(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofMinutes(30)),
                new CollectionProperties.Writer(1000, 100, Duration.ofMillis(100), Duration.ofSeconds(1)),
                new CollectionProperties.Gap(Duration.ofHours(1), Duration.ofDays(31)),
                new CollectionProperties.Clocks("0 0 3 * * *", "Asia/Shanghai", Duration.ofMillis(300),
                        Duration.ofMinutes(10), Duration.ofSeconds(60)),
                new CollectionProperties.Scan(Duration.ofMillis(300), 256));
    }

    /** The demo park's first collector that we connect to (SERVER mode). */
    static CollectorDevice firstServerCollector(DeviceInventory inventory) {
        return inventory.enabledCollectors().stream()
                .filter(c -> c.mode() == ConnectionMode.SERVER).findFirst().orElseThrow();
    }

    /** A DL/T 645-2007 bus of that collector with at least {@code minimumMeters} meters. */
    static PortDevice dlt2007Port(CollectorDevice collector, int minimumMeters) {
        return collector.ports().stream().filter(p -> p.protocol() == MeterProtocol.DLT645_2007
                && p.meters().size() >= minimumMeters).findFirst().orElseThrow();
    }

    static MeterConfig meter(String address, String energy) {
        return MeterConfig.of(address).withLoad(LoadProfile.FLAT, "1", "1", 0)
                .withInitialEnergyKwh(new BigDecimal(energy)).withRemainingKwh(new BigDecimal("100"));
    }

    /** {@code count} three-phase 2007 meters with addresses prefix + 01, 02, ... */
    static List<MeterConfig> meters(String prefix, int count) {
        List<MeterConfig> meters = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            meters.add(meter(prefix + String.format("%02d", i), "100" + i));
        }
        return meters;
    }

    static PortConfig port(int number, int baud, Duration delay, List<MeterConfig> meters) {
        return PortConfig.of(number, BusProtocol.DLT645_2007, meters).withBaud(baud).withResponseDelay(delay);
    }

    static Simulator start(CollectorConfig... collectors) {
        return new Simulator(SimulatorConfig.of(7, List.of(collectors)), SimulationClock.manual(SIMULATION_START)).start();
    }

    /**
     * The archive's view of a simulated collector: ids are collectorId × 1000 + port × 100 + meter
     * index, so every meter has a stable id in tests.
     */
    static CollectorDevice device(Simulator simulator, long collectorId, String simulatorId, ConnectionMode mode,
                                  String registrationId) {
        CollectorConfig config = simulator.config().collectors().stream().filter(c -> c.id().equals(simulatorId))
                .findFirst().orElseThrow();
        List<PortDevice> ports = new ArrayList<>();
        for (PortConfig port : config.ports()) {
            MeterProtocol protocol = switch (port.protocol()) {
                case DLT645_1997 -> MeterProtocol.DLT645_1997;
                case DLT645_2007 -> MeterProtocol.DLT645_2007;
                case MODBUS_RTU -> MeterProtocol.MODBUS_RTU;
            };
            List<MeterDevice> meters = new ArrayList<>();
            for (int i = 0; i < port.meters().size(); i++) {
                meters.add(new MeterDevice(meterId(collectorId, port.number(), i), port.meters().get(i).address(), null,
                        protocol, Phase.THREE, null, BillingMode.PREPAID));
            }
            Integer tcpPort = mode == ConnectionMode.SERVER ? simulator.boundPort(simulatorId, port.number()) : null;
            ports.add(new PortDevice(port.number(), port.baud(), protocol.isDlt645() ? Parity.EVEN : Parity.NONE,
                    protocol, tcpPort, meters));
        }
        return new CollectorDevice(collectorId, simulatorId, CollectorModel.DH604, mode, "127.0.0.1", registrationId,
                ports);
    }

    static long meterId(long collectorId, int port, int index) {
        return collectorId * 1000 + port * 100 + index;
    }

    /** An engine clock in step with the simulator's (manual) clock, so meter time and read time agree. */
    static Clock following(SimulationClock simulated) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return simulated.now();
            }
        };
    }
}
