package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * The energy cycle job on MariaDB with the demo park: one real port of the archive is simulated,
 * the job's method is called directly (the schedule itself is off in tests), and the ShedLock
 * provider is checked against the real {@code shedlock} table with the database's clock.
 */
@JichaoSpringTest
class CollectionCycleJobIT {

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
    private JdbcTemplate jdbc;
    @Autowired
    private LockProvider lockProvider;

    private Simulator simulator;
    private PortDevice port;

    @BeforeEach
    void simulateOneServerModePort() {
        CollectorDevice collector = EngineFixtures.firstServerCollector(inventory);
        port = EngineFixtures.dlt2007Port(collector, 1);
        List<MeterConfig> meters = port.meters().stream().map(m -> MeterConfig.of(m.wireAddress())
                .withLoad(LoadProfile.FLAT, "1", "1", 0).withInitialEnergyKwh(new BigDecimal("777"))).toList();
        simulator = EngineFixtures.start(CollectorConfig.server("S", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, meters).withBaud(19200).withResponseDelay(Duration.ZERO))));
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                        port.parity(), port.protocol(), simulator.boundPort("S", 1), port.meters())))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
    }

    @AfterEach
    void stop() {
        engine.stop();
        simulator.close();
    }

    @Test
    void a_cycle_stores_cycle_readings_and_the_status_of_every_meter_of_the_port() {
        new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore).runEnergyCycle();

        long meterId = port.meters().getFirst().id();
        assertThat(engine.cycleProgress().total()).isEqualTo(port.meters().size());
        assertThat(engine.cycleProgress().failed()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM reading WHERE meter_id = ? AND source = 'CYCLE' AND item = 'ACTIVE_ENERGY'",
                Integer.class, meterId) > 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> statusStore.pending() == 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meter_status WHERE consecutive_failures = 0 AND meter_id IN ("
                + String.join(",", port.meters().stream().map(m -> Long.toString(m.id())).toList()) + ")", Integer.class))
                .isEqualTo(port.meters().size());
    }

    @Test
    void the_cycle_lock_is_taken_once_on_the_shedlock_table() {
        LockConfiguration cycleLock = new LockConfiguration(Instant.now(), "collection-energy-cycle-test",
                Duration.ofMinutes(1), Duration.ZERO);

        SimpleLock first = lockProvider.lock(cycleLock).orElseThrow();
        try {
            assertThat(lockProvider.lock(cycleLock)).as("a second process finds the cycle locked").isEmpty();
        } finally {
            first.unlock();
        }
        assertThat(lockProvider.lock(cycleLock)).isPresent().get().satisfies(SimpleLock::unlock);
    }
}
