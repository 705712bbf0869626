package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.collection.link.Priority;
import io.jichao.shared.DomainException;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.FreezeRecord;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Back-fill of gaps from the meters' own freezes (R1) on MariaDB: the cycle job closing a gap
 * after a collector outage, and an operator's back-fill. The simulator runs on a manual clock that
 * starts some hours before now, so its freezes lie in the past like real ones.
 */
@JichaoSpringTest
class BackfillIT {

    private static final ZoneId SHANGHAI = EngineFixtures.SHANGHAI;

    @Autowired
    private CollectionEngine springEngine;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private ReadingWriter writer;
    @Autowired
    private MeterStatusStore statusStore;
    @Autowired
    private BackfillStore backfillStore;
    @Autowired
    private MeterReadEvents readEvents;
    @Autowired
    private BackfillService backfillService;
    @Autowired
    private MeterService meters;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private Simulator simulator;
    private CollectionEngine ownEngine;

    @AfterEach
    void stop() {
        LoginSupport.logout();
        if (ownEngine != null) {
            ownEngine.stop();
        }
        springEngine.stop();
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_cycle_after_a_six_hour_outage_back_fills_exactly_the_missing_hourly_freezes_once() {
        long meterId = directMeterIn("A");
        PortDevice port = simulatePortOf(meterId);
        SimulationClock.Manual simulated = (SimulationClock.Manual) simulator.clock();
        ownEngine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(200), 0),
                EngineFixtures.following(simulated), SHANGHAI);
        ownEngine.start(List.of(onSimulator(meterId, port)));
        awaitOnline(ownEngine);
        CollectionCycleJob job = new CollectionCycleJob(ownEngine, inventory, writer, statusStore, backfillStore, readEvents);

        job.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        Instant lastGoodRead = simulated.now();
        assertThat(ownEngine.health(meterId).lastSuccessAt()).isEqualTo(lastGoodRead);
        simulator.faults().shortPort("A", 1);
        simulated.advance(Duration.ofHours(3));
        job.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        assertThat(ownEngine.health(meterId).consecutiveFailures()).as("the collector is down").isEqualTo(1);
        simulated.advance(Duration.ofHours(3));
        simulator.faults().repairPort("A", 1);
        job.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });

        Map<LocalDateTime, BigDecimal> frozenBySimulator = freezesOf(meterId, port).stream()
                .filter(f -> f.time().atZone(SHANGHAI).toInstant().isAfter(lastGoodRead))
                .collect(Collectors.toMap(f -> LocalDateTime.ofInstant(f.time().atZone(SHANGHAI).toInstant(),
                        ZoneOffset.UTC), FreezeRecord::forwardTotal, (a, b) -> a, TreeMap::new));
        assertThat(frozenBySimulator).hasSize(6);
        Map<LocalDateTime, BigDecimal> backfilled = backfilledRows(meterId);
        assertThat(backfilled.keySet()).containsExactlyElementsOf(frozenBySimulator.keySet());
        frozenBySimulator.forEach((hour, energy) ->
                assertThat(backfilled.get(hour).stripTrailingZeros()).isEqualTo(energy.stripTrailingZeros()));
        assertThat(frozenBySimulator.values()).as("the meters consumed during the outage").doesNotHaveDuplicates();

        Backfill again = ownEngine.readFreezes(meterId, lastGoodRead, simulated.now(), Priority.CYCLE).orElseThrow();
        assertThat(again.freezes()).hasSize(6);
        assertThat(backfillStore.store(again)).as("a second run adds nothing").isZero();
        job.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        assertThat(backfilledRows(meterId)).isEqualTo(backfilled);
    }

    @Test
    void a_gap_that_spans_an_engine_restart_is_back_filled_from_the_stored_meter_status() {
        long meterId = directMeterIn("B");
        PortDevice port = simulatePortOf(meterId);
        SimulationClock.Manual simulated = (SimulationClock.Manual) simulator.clock();
        CollectionEngine before = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(200), 0),
                EngineFixtures.following(simulated), SHANGHAI);
        before.start(List.of(onSimulator(meterId, port)));
        awaitOnline(before);
        new CollectionCycleJob(before, inventory, writer, statusStore, backfillStore, readEvents).run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        before.stop();
        simulated.advance(Duration.ofHours(3));

        ownEngine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(200), 0),
                EngineFixtures.following(simulated), SHANGHAI);
        ownEngine.restoreHealth(statusStore.loadAll());
        ownEngine.start(List.of(onSimulator(meterId, port)));
        awaitOnline(ownEngine);
        new CollectionCycleJob(ownEngine, inventory, writer, statusStore, backfillStore, readEvents).run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });

        assertThat(backfilledRows(meterId)).hasSize(3);
    }

    @Test
    void an_operator_back_fills_what_the_meter_still_holds_and_a_second_time_adds_nothing() {
        long meterId = directMeterIn("C");
        PortDevice port = simulatePortOf(meterId);
        ((SimulationClock.Manual) simulator.clock()).advance(Duration.ofHours(6));
        springEngine.start(List.of(onSimulator(meterId, port)));
        awaitOnline(springEngine);
        LoginSupport.loginAs(users, "maint");

        BackfillService.Outcome first = backfillService.backfill(meterId);
        BackfillService.Outcome second = backfillService.backfill(meterId);

        assertThat(first).isEqualTo(new BackfillService.Outcome(6, 6));
        assertThat(second).isEqualTo(new BackfillService.Outcome(6, 0));
        assertThat(backfilledRows(meterId)).hasSize(6);
    }

    @Test
    void back_fill_needs_device_control() {
        long meterId = directMeterIn("A");
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> backfillService.backfill(meterId))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.permission.denied"));
    }

    /** A DL/T 645-2007 meter wired directly to a port, in the given building of the demo park. */
    private long directMeterIn(String building) {
        LoginSupport.loginAs(users, "super");
        MeterRow row = meters.page(MeterFilter.none().withProtocol(MeterProtocol.DLT645_2007), 0, 500,
                        List.of(MeterSort.byAddress())).stream()
                .filter(r -> r.deviceChannel() == null && r.portNumber() != null && building.equals(r.buildingCode()))
                .filter(r -> collectorOf(r.id()).mode() == ConnectionMode.SERVER)
                .findFirst().orElseThrow();
        LoginSupport.logout();
        return row.id();
    }

    private CollectorDevice collectorOf(long meterId) {
        return inventory.enabledCollectors().stream()
                .filter(c -> c.ports().stream().anyMatch(p -> p.meters().stream().anyMatch(m -> m.id() == meterId)))
                .findFirst().orElseThrow();
    }

    private PortDevice portOf(long meterId) {
        return collectorOf(meterId).ports().stream()
                .filter(p -> p.meters().stream().anyMatch(m -> m.id() == meterId)).findFirst().orElseThrow();
    }

    /** Simulates the meter's bus on a manual clock at half past the hour, 8 h before now. */
    private PortDevice simulatePortOf(long meterId) {
        PortDevice port = portOf(meterId);
        List<MeterConfig> simulated = port.meters().stream().map(m -> MeterConfig.of(m.wireAddress())
                .withLoad(LoadProfile.FLAT, "1", "1", 0).withInitialEnergyKwh(new BigDecimal("500"))).toList();
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(8)).plus(Duration.ofMinutes(30));
        simulator = new Simulator(SimulatorConfig.of(7, List.of(CollectorConfig.server("A", Dh600Model.DH601,
                List.of(PortConfig.of(1, BusProtocol.DLT645_2007, simulated).withBaud(19200)
                        .withResponseDelay(Duration.ZERO))))), SimulationClock.manual(start)).start();
        return port;
    }

    private CollectorDevice onSimulator(long meterId, PortDevice port) {
        CollectorDevice collector = collectorOf(meterId);
        return new CollectorDevice(collector.id(), collector.name(), collector.model(), ConnectionMode.SERVER,
                "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200, port.parity(), port.protocol(),
                simulator.boundPort("A", 1), port.meters())));
    }

    private static void awaitOnline(CollectionEngine engine) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> engine.status().collectors().getFirst().online());
    }

    private List<FreezeRecord> freezesOf(long meterId, PortDevice port) {
        String address = port.meters().stream().filter(m -> m.id() == meterId).findFirst().orElseThrow().wireAddress();
        ElectricMeter meter = simulator.electricMeter("A", 1, address);
        return meter.hourlyFreezes();
    }

    private Map<LocalDateTime, BigDecimal> backfilledRows(long meterId) {
        Map<LocalDateTime, BigDecimal> rows = new TreeMap<>();
        jdbc.query("SELECT meter_time, value FROM reading WHERE meter_id = ? AND source = 'BACKFILL' AND item = 'ACTIVE_ENERGY'",
                row -> {
                    LocalDateTime hour = row.getObject(1, LocalDateTime.class);
                    assertThat(rows.put(hour, row.getBigDecimal(2))).as("one row per hour").isNull();
                }, meterId);
        return rows;
    }
}
