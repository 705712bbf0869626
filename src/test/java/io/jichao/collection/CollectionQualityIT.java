package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.collection.CollectionQualityService.MeterQuality;
import io.jichao.collection.CollectionQualityService.MeterState;
import io.jichao.collection.CollectionQualityService.PortQuality;
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

/** Per-port collection quality after a cycle in which one meter of the port is dead. */
@JichaoSpringTest
class CollectionQualityIT {

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
    private UserDetailsService users;

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
    void a_dead_meter_shows_as_failing_with_its_last_good_read_and_lowers_the_ports_success_rate() {
        CollectorDevice collector = EngineFixtures.firstServerCollector(inventory);
        PortDevice port = EngineFixtures.dlt2007Port(collector, 2);
        List<MeterDevice> meters = port.meters();
        simulator = EngineFixtures.start(CollectorConfig.server("S", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, meters.stream().map(m -> MeterConfig.of(m.wireAddress())
                        .withLoad(LoadProfile.FLAT, "1", "1", 0).withInitialEnergyKwh(BigDecimal.TEN)).toList())
                        .withBaud(19200).withResponseDelay(Duration.ZERO))));
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                port.parity(), port.protocol(), simulator.boundPort("S", 1), meters)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
        CollectionCycleJob cycle = new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore, readEvents);
        MeterDevice dead = meters.getFirst();
        cycle.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        simulator.faults().meterOffline("S", 1, dead.wireAddress(), true);

        cycle.run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });
        LoginSupport.loginAs(users, "super");
        PortQuality bus = quality.ports(collector.id()).stream()
                .filter(p -> p.portNumber() == port.portNumber()).findFirst().orElseThrow();

        assertThat(bus.connected()).isTrue();
        assertThat(bus.lastCycle().meters()).isEqualTo(meters.size());
        assertThat(bus.lastCycle().succeeded()).isEqualTo(meters.size() - 1);
        assertThat(bus.lastCycle().successPercent()).isLessThan(100);
        assertThat(bus.timeouts()).isPositive();
        assertThat(bus.retries()).isPositive();
        MeterQuality deadMeter = bus.meters().stream().filter(m -> m.meterId() == dead.id()).findFirst().orElseThrow();
        assertThat(deadMeter.state()).isEqualTo(MeterState.FAILING);
        assertThat(deadMeter.lastSuccessAt()).as("its last good read stays visible").isNotNull();
        assertThat(deadMeter.lastError()).startsWith("TIMEOUT");
        assertThat(bus.meters()).filteredOn(m -> m.meterId() != dead.id())
                .allSatisfy(m -> assertThat(m.state()).isEqualTo(MeterState.OK));
    }

    @Test
    void quality_needs_manage_collectors() {
        LoginSupport.loginAs(users, "clerk");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> quality.ports(1))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.permission.denied"));
    }
}
