package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
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
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.collection.BusScanService.FoundMeter;
import io.jichao.collection.BusScanService.Method;
import io.jichao.collection.BusScanService.ScanResult;
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
 * Commissioning scans against the simulator: an archive port of building A is simulated with a
 * chosen set of meters, some of them already archived, some new.
 */
@JichaoSpringTest
class BusScanIT {

    private static final String NEW_METER = "990000000002";

    @Autowired
    private CollectionEngine engine;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private BusScanService scans;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private JdbcTemplate jdbc;

    private CollectorDevice collector;
    private PortDevice port;
    private long portId;
    private Simulator simulator;

    @BeforeEach
    void findAPortOfBuildingA() {
        portId = jdbc.queryForObject("""
                SELECT MIN(p.id) FROM serial_port p JOIN collector c ON c.id = p.collector_id
                JOIN building b ON b.id = c.building_id
                WHERE b.code = 'A' AND c.connection_mode = 'SERVER' AND p.protocol = 'DLT645_2007'""", Long.class);
        long collectorId = jdbc.queryForObject("SELECT collector_id FROM serial_port WHERE id = ?", Long.class, portId);
        int portNumber = jdbc.queryForObject("SELECT port_number FROM serial_port WHERE id = ?", Integer.class, portId);
        collector = inventory.enabledCollectors().stream().filter(c -> c.id() == collectorId).findFirst().orElseThrow();
        port = collector.ports().stream().filter(p -> p.portNumber() == portNumber).findFirst().orElseThrow();
        assertThat(port.protocol()).isEqualTo(MeterProtocol.DLT645_2007);
    }

    @AfterEach
    void stop() {
        LoginSupport.logout();
        engine.stop();
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_single_meter_on_the_bus_is_found_by_the_read_address_wildcard() {
        simulateBusWith(List.of(NEW_METER));
        LoginSupport.loginAs(users, "super");

        ScanResult result = scans.scan(portId, List.of());

        assertThat(result.method()).isEqualTo(Method.READ_ADDRESS);
        assertThat(result.found()).containsExactly(new FoundMeter(NEW_METER, false));
        assertThat(result.offered()).containsExactly(new FoundMeter(NEW_METER, false));
    }

    @Test
    void several_meters_are_found_by_probing_a_range_and_archived_ones_are_flagged() {
        String archived = port.meters().getFirst().wireAddress();
        simulateBusWith(List.of(archived, "990000000001", "990000000003"));
        LoginSupport.loginAs(users, "super");

        ScanResult range = scans.scan(portId, "990000000000", 5);
        ScanResult list = scans.scan(portId, List.of(archived, "990000000004"));

        assertThat(range.method()).isEqualTo(Method.PROBE);
        assertThat(range.found()).containsExactly(new FoundMeter("990000000001", false),
                new FoundMeter("990000000003", false));
        assertThat(list.found()).containsExactly(new FoundMeter(archived, true));
        assertThat(list.offered()).isEmpty();
        assertThat(engine.status().collectors().getFirst().ports().getFirst().timeouts())
                .as("absent addresses are not bus timeouts").isZero();
    }

    @Test
    void a_scan_needs_the_collectors_building_in_the_district() {
        LoginSupport.loginAs(users, "maint");

        assertThatThrownBy(() -> scans.scan(portId, List.of(NEW_METER)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.district.outside"));
    }

    @Test
    void a_scan_needs_manage_collectors() {
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> scans.scan(portId, List.of(NEW_METER)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.permission.denied"));
    }

    private void simulateBusWith(List<String> addresses) {
        List<MeterConfig> meters = new ArrayList<>();
        addresses.forEach(address -> meters.add(MeterConfig.of(address).withLoad(LoadProfile.FLAT, "1", "1", 0)
                .withInitialEnergyKwh(new BigDecimal("1"))));
        simulator = EngineFixtures.start(CollectorConfig.server("S", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, meters).withBaud(19200).withResponseDelay(Duration.ZERO))));
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                port.parity(), port.protocol(), simulator.boundPort("S", 1), List.of())))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
    }
}
