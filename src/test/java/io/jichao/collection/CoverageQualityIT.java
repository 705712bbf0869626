package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.collection.CollectionQualityService.MeterQuality;
import io.jichao.collection.CollectionQualityService.MeterState;
import io.jichao.collection.CollectionQualityService.PortQuality;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Item coverage end to end (issue 13) on real MariaDB and TCP: archive meters on a simulated bus,
 * one refusing the voltage and current blocks, one refusing the block and a single item; cycles
 * through the cycle job store every value the meters offer, remember and persist what they refuse,
 * show a meter with unstored items as PARTIAL and a run's meters it did not include.
 */
@JichaoSpringTest
class CoverageQualityIT {

    @Autowired
    private CollectionEngine engine;
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
    private CollectionQualityService quality;
    @Autowired
    private MeterCapabilityStore capabilityStore;
    @Autowired
    private CollectionScheduleStore schedules;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private Simulator simulator;
    private List<MeterDevice> meters;
    private final Instant testStart = Instant.now().minusSeconds(1);

    @AfterEach
    void stop() {
        LoginSupport.logout();
        engine.stop();
        if (meters != null) {
            meters.forEach(meter -> engine.capabilities().forget(meter.id()));
        }
        engine.capabilities().onChange(change -> { });
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void refused_blocks_and_items_are_read_by_singles_recorded_and_a_meter_with_unstored_items_is_partial() {
        CollectorDevice collector = EngineFixtures.firstServerCollector(inventory);
        PortDevice port = EngineFixtures.dlt2007Port(collector, 3);
        meters = port.meters();
        simulator = EngineFixtures.start(CollectorConfig.server("S", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, meters.stream().map(m -> m.wireAddress()).distinct()
                        .map(address -> MeterConfig.of(address).withLoad(LoadProfile.FLAT, "1", "1", 0)
                                .withInitialEnergyKwh(BigDecimal.TEN).withRemainingKwh(BigDecimal.TEN)).toList())
                        .withBaud(19200).withResponseDelay(Duration.ZERO))));
        MeterDevice noBlocks = meters.get(0);
        MeterDevice refusesVoltageB = meters.get(1);
        simulator.electricMeter("S", 1, noBlocks.wireAddress()).faults()
                .setRefused(DataItem2007.VOLTAGE_BLOCK, DataItem2007.CURRENT_BLOCK);
        simulator.electricMeter("S", 1, refusesVoltageB.wireAddress()).faults()
                .setRefused(DataItem2007.VOLTAGE_BLOCK, DataItem2007.VOLTAGE_B);
        engine.capabilities().onChange(capabilityStore::save);
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                port.parity(), port.protocol(), simulator.boundPort("S", 1), meters)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
        CollectionCycleJob cycle = new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore,
                readEvents);

        CycleProgress first = cycle.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });

        assertThat(first.failed()).isZero();
        assertThat(first.coverage().partial()).isEqualTo(1);
        assertThat(first.coverage().partialMeters()).containsExactly(refusesVoltageB.address());
        assertThat(first.coverage().missingItems()).containsExactly(ReadingItem.VOLTAGE_B);
        assertThat(first.complete()).isEqualTo(meters.size() - 1);
        assertThat(first.coverage().notIncluded()).as("the archive's meters the engine has no bus for")
                .isPositive();
        assertThat(first.planned()).isGreaterThan(first.total());
        await().atMost(Duration.ofSeconds(5)).until(() -> storedItems(noBlocks.id()).containsAll(Set.of(
                "VOLTAGE_A", "VOLTAGE_B", "VOLTAGE_C", "CURRENT_A", "CURRENT_B", "CURRENT_C")));
        assertThat(capabilityStore.loadAll()).filteredOn(r -> r.meterId() == noBlocks.id())
                .extracting(MeterCapabilities.Refusal::dataItem).containsExactlyInAnyOrder("0201FF00", "0202FF00");
        LoginSupport.loginAs(users, "super");
        MeterQuality partial = meterQuality(collector, port, refusesVoltageB);
        assertThat(partial.state()).isEqualTo(MeterState.PARTIAL);
        assertThat(partial.missing()).containsExactly(ReadingItem.VOLTAGE_B);
        assertThat(meterQuality(collector, port, noBlocks).state()).isEqualTo(MeterState.OK);
        PortQuality bus = portQuality(collector, port);
        assertThat(bus.lastCycle().complete()).isEqualTo(meters.size() - 1);
        assertThat(bus.lastCycle().completePercent()).isLessThan(100);

        CycleProgress second = cycle.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });

        assertThat(second.coverage().partial()).as("a refusal already known does not keep the meter PARTIAL")
                .isZero();
        MeterQuality known = meterQuality(collector, port, refusesVoltageB);
        assertThat(known.state()).isEqualTo(MeterState.OK);
        assertThat(known.unsupported()).containsExactly(ReadingItem.VOLTAGE_B);
    }

    @Test
    void a_runs_coverage_is_stored_with_the_schedule_and_read_back() {
        long id = schedules.insert(new ScheduleDraft("IT coverage " + System.nanoTime(), false,
                Set.of(ReadingItem.ACTIVE_ENERGY), new ScheduleTiming.Every(15), Set.of()), null);
        Instant started = Instant.parse("2026-12-08T01:00:00Z");
        CycleProgress run = new CycleProgress(started, 5, 5, 1, started.plusSeconds(30), new CycleCoverage(2, 3,
                List.of("000000000001", "000000000002"), List.of("000000000003"),
                List.of("000000000004", "000000000005", "000000000006"), Set.of(ReadingItem.CURRENT_A)));
        schedules.started(id, started);

        schedules.finished(id, run, null);

        CollectionSchedule.LastRun last = schedules.find(id).orElseThrow().lastRun();
        assertThat(last.succeeded()).isEqualTo(4);
        assertThat(last.coverage()).isEqualTo(run.coverage());
        schedules.started(id, started.plusSeconds(60));
        assertThat(schedules.find(id).orElseThrow().lastRun().coverage()).isEqualTo(CycleCoverage.NONE);
        schedules.delete(id);
    }

    private Set<String> storedItems(long meterId) {
        writer.flush();
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT item FROM reading WHERE meter_id = ? AND read_at >= ?",
                String.class, meterId, Timestamp.from(testStart)));
    }

    private PortQuality portQuality(CollectorDevice collector, PortDevice port) {
        return quality.ports(collector.id()).stream().filter(p -> p.portNumber() == port.portNumber()).findFirst()
                .orElseThrow();
    }

    private MeterQuality meterQuality(CollectorDevice collector, PortDevice port, MeterDevice meter) {
        return portQuality(collector, port).meters().stream().filter(m -> m.meterId() == meter.id()).findFirst()
                .orElseThrow();
    }
}
