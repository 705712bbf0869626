package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
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
import io.jichao.collection.link.Priority;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Clock drift report and daily time broadcast (issue item 7): simulated meters in real time, two
 * of them 5 minutes off; the drift report lists them from the cycle's METER_TIME values, and after
 * the broadcast their clocks read right again.
 */
@JichaoSpringTest
class ClockSyncIT {

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
    private ClockDriftReport report;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private Simulator simulator;

    @AfterEach
    void stop() {
        LoginSupport.logout();
        engine.stop();
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void meters_five_minutes_off_are_reported_and_read_right_after_the_broadcast() {
        CollectorDevice collector = EngineFixtures.firstServerCollector(inventory);
        PortDevice port = EngineFixtures.dlt2007Port(collector, 3);
        List<MeterDevice> meters = port.meters();
        List<MeterConfig> simulated = meters.stream().map(m -> MeterConfig.of(m.wireAddress())
                .withLoad(LoadProfile.FLAT, "1", "1", 0).withInitialEnergyKwh(new BigDecimal("10"))).toList();
        simulator = new Simulator(SimulatorConfig.of(7, List.of(CollectorConfig.server("S", Dh600Model.DH601,
                List.of(PortConfig.of(1, BusProtocol.DLT645_2007, simulated).withBaud(19200)
                        .withResponseDelay(Duration.ZERO))))), SimulationClock.scaled(Instant.now(), 1.0)).start();
        simulator.electricMeter("S", 1, meters.get(0).wireAddress()).setClockDrift(Duration.ofMinutes(5));
        simulator.electricMeter("S", 1, meters.get(1).wireAddress()).setClockDrift(Duration.ofMinutes(-5));
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                port.parity(), port.protocol(), simulator.boundPort("S", 1), meters)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
        CollectionCycleJob cycle = new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore, readEvents);

        cycle.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        awaitMeterTimesStoredFor(meters);
        LoginSupport.loginAs(users, "super");
        List<ClockDriftReport.MeterDrift> drifting = report.driftingMeters().stream()
                .filter(d -> meters.stream().anyMatch(m -> m.id() == d.meterId())).toList();

        assertThat(drifting).extracting(ClockDriftReport.MeterDrift::meterId)
                .containsExactlyInAnyOrder(meters.get(0).id(), meters.get(1).id());
        assertThat(drifting).allSatisfy(d -> assertThat(Math.abs(d.offsetSeconds())).isBetween(295L, 305L));

        new ClockSyncJob(engine).broadcastTime();

        for (MeterDevice meter : meters.subList(0, 2)) {
            MeterReadResult after = engine.read(meter.id(), Set.of(ReadingItem.METER_TIME), Priority.OPERATOR)
                    .orElseThrow();
            assertThat(after.value(ReadingItem.METER_TIME).orElseThrow().value().abs())
                    .as("offset of %s after the broadcast", meter.wireAddress()).isLessThanOrEqualTo(BigDecimal.TWO);
        }
        cycle.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        awaitMeterTimesStoredFor(meters);
        assertThat(report.driftingMeters()).noneMatch(d -> meters.stream().anyMatch(m -> m.id() == d.meterId()));
    }

    /** Waits until the writer has stored the cycle's newest METER_TIME of every meter. */
    private void awaitMeterTimesStoredFor(List<MeterDevice> meters) {
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.buffered() == 0 && meters.stream().allMatch(m ->
                jdbc.queryForObject("SELECT COUNT(*) FROM reading WHERE meter_id = ? AND item = 'METER_TIME'",
                        Integer.class, m.id()) > 0));
    }
}
