package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterFilter;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterRow;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterSort;
import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;
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
 * "Read now" on embedded MariaDB with the demo park: the meter's port is simulated on an ephemeral
 * TCP port and the engine started for that one port.
 */
@JichaoSpringTest
class MeterReadingServiceIT {

    @Autowired
    private MeterReadingService readings;
    @Autowired
    private CollectionEngine engine;
    @Autowired
    private MeterService meters;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuditTrail audit;

    private Simulator simulator;
    private long meterId;

    @BeforeEach
    void simulateTheBusOfAMeterInBuildingA() {
        LoginSupport.loginAs(users, "clerk");
        MeterRow row = meters.page(MeterFilter.none().withProtocol(MeterProtocol.DLT645_2007), 0, 200,
                        List.of(MeterSort.byAddress())).stream()
                .filter(r -> r.deviceChannel() == null && r.portNumber() != null && "A".equals(r.buildingCode()))
                .findFirst().orElseThrow();
        meterId = row.id();
        LoginSupport.logout();
        CollectorDevice collector = inventory.enabledCollectors().stream()
                .filter(c -> c.mode() == ConnectionMode.SERVER && c.ports().stream()
                        .anyMatch(p -> p.meters().stream().anyMatch(m -> m.id() == meterId)))
                .findFirst().orElseThrow();
        PortDevice port = collector.ports().stream()
                .filter(p -> p.meters().stream().anyMatch(m -> m.id() == meterId)).findFirst().orElseThrow();
        List<MeterConfig> simulated = port.meters().stream().map(MeterReadingServiceIT::simulated).toList();
        simulator = EngineFixtures.start(CollectorConfig.server("A", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, simulated).withBaud(port.baudRate())
                        .withResponseDelay(Duration.ofMillis(20)))));
        PortDevice onSimulator = new PortDevice(port.portNumber(), port.baudRate(), port.parity(), port.protocol(),
                simulator.boundPort("A", 1), port.meters());
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(onSimulator))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
    }

    private static MeterConfig simulated(MeterDevice meter) {
        return MeterConfig.of(meter.wireAddress()).withLoad(LoadProfile.FLAT, "1", "1", 0)
                .withInitialEnergyKwh(new BigDecimal("4321.5")).withRemainingKwh(new BigDecimal("88"));
    }

    @AfterEach
    void stop() {
        LoginSupport.logout();
        engine.stop();
        simulator.close();
    }

    @Test
    void read_now_returns_the_values_and_stores_them_as_operator_readings_with_the_meter_status() {
        LoginSupport.loginAs(users, "clerk");

        MeterReadResult result = readings.readNow(meterId);

        assertThat(result.succeeded()).isTrue();
        assertThat(result.value(ReadingItem.ACTIVE_ENERGY).orElseThrow().value()).isEqualByComparingTo("4321.5");
        assertThat(result.value(ReadingItem.REMAINING_ENERGY).orElseThrow().value()).isEqualByComparingTo("88");
        String stored = "SELECT COUNT(*) FROM reading WHERE meter_id = ? AND item = 'ACTIVE_ENERGY' AND source = 'OPERATOR'";
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(stored, Integer.class, meterId) > 0);
        assertThat(jdbc.queryForObject("SELECT MAX(value) FROM reading WHERE meter_id = ? AND item = 'ACTIVE_ENERGY'",
                BigDecimal.class, meterId)).isEqualByComparingTo("4321.5");
        assertThat(jdbc.queryForObject("SELECT consecutive_failures FROM meter_status WHERE meter_id = ?",
                Integer.class, meterId)).isZero();
        assertThat(jdbc.queryForObject("SELECT last_success_at IS NOT NULL FROM meter_status WHERE meter_id = ?",
                Boolean.class, meterId)).isTrue();
        assertThat(audit.byAction("METER_READ_NOW")).anySatisfy(event -> assertThat(event.getOperatorUsername()).isEqualTo("clerk"));
    }

    @Test
    void read_now_is_refused_for_a_meter_outside_the_district() {
        LoginSupport.loginAs(users, "clerk2");

        assertThatThrownBy(() -> readings.readNow(meterId))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.meter.not.found"));
    }
}
