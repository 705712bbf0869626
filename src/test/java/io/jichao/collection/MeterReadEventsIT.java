package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterFilter;
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
 * R8: read results reach a meter's listeners from the threads that complete reads (cycle,
 * "read now", "follow live"), never from a Netty event loop; over real TCP to the simulator.
 */
@JichaoSpringTest
class MeterReadEventsIT {

    /** What a listener saw, and on which thread. */
    record Delivery(MeterReadResult result, Thread thread) {
    }

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
    private MeterReadingService readings;
    @Autowired
    private MeterService meters;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private AuditTrail audit;

    private Simulator simulator;
    private long meterId;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private MeterReadEvents.Subscription subscription;

    @BeforeEach
    void simulateOneServerModePortAndListenToItsFirstMeter() {
        CollectorDevice collector = EngineFixtures.firstServerCollector(inventory);
        PortDevice port = EngineFixtures.dlt2007Port(collector, 2);
        List<MeterConfig> simulated = port.meters().stream().map(m -> MeterConfig.of(m.wireAddress())
                .withLoad(LoadProfile.FLAT, "1", "1", 0).withInitialEnergyKwh(new BigDecimal("321"))).toList();
        simulator = EngineFixtures.start(CollectorConfig.server("S", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, simulated).withBaud(19200).withResponseDelay(Duration.ZERO))));
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                        port.parity(), port.protocol(), simulator.boundPort("S", 1), port.meters())))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
        meterId = port.meters().getFirst().id();
        LoginSupport.loginAs(users, "super");
        subscription = readEvents.subscribe(meterId, result -> deliveries.add(new Delivery(result, Thread.currentThread())));
    }

    @AfterEach
    void stop() {
        subscription.close();
        LoginSupport.logout();
        engine.stop();
        simulator.close();
    }

    @Test
    void a_cycle_publishes_the_meters_result_from_its_port_thread_not_the_event_loop() {
        new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore, readEvents)
                .run(EngineFixtures.CYCLE_ITEMS, CollectorScope.ALL, progress -> { });

        await().atMost(Duration.ofSeconds(5)).until(() -> !deliveries.isEmpty());
        assertThat(deliveries).as("only this meter's result").hasSize(1)
                .allSatisfy(d -> assertThat(d.result().meterId()).isEqualTo(meterId));
        Delivery delivery = deliveries.getFirst();
        assertThat(delivery.result().value(ReadingItem.ACTIVE_ENERGY)).isPresent();
        assertThat(delivery.thread().isVirtual()).as("published on the cycle's virtual thread").isTrue();
        assertThat(delivery.thread()).isNotInstanceOf(io.netty.util.concurrent.FastThreadLocalThread.class);
    }

    @Test
    void read_now_publishes_the_result_the_operator_gets() {
        MeterReadResult result = readings.readNow(meterId);

        assertThat(deliveries).extracting(Delivery::result).containsExactly(result);
        assertThat(result.value(ReadingItem.VOLTAGE_A)).as("instantaneous values for the live curves").isPresent();
    }

    @Test
    void follow_live_reads_the_meter_at_once_on_a_virtual_thread_as_the_operator() {
        int followsBefore = audit.byAction("METER_FOLLOW_LIVE").size();
        int readsBefore = audit.byAction("METER_READ_NOW").size();
        List<DomainException> refusals = new CopyOnWriteArrayList<>();
        try (MeterReadEvents.Subscription following = readings.follow(meterId, refusals::add)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !deliveries.isEmpty());
        }

        assertThat(refusals).isEmpty();
        assertThat(deliveries.getFirst().result().value(ReadingItem.ACTIVE_POWER)).isPresent();
        assertThat(deliveries.getFirst().thread().isVirtual()).isTrue();
        assertThat(audit.byAction("METER_FOLLOW_LIVE")).as("one entry for the whole follow").hasSize(followsBefore + 1);
        assertThat(audit.byAction("METER_READ_NOW")).as("the follow's reads are not audited one by one")
                .hasSize(readsBefore);
    }

    @Test
    void a_meter_outside_the_district_cannot_be_listened_to_or_followed() {
        LoginSupport.loginAs(users, "clerk");
        long meterOfClerk = meters.page(MeterFilter.none(), 0, 1, List.of(MeterSort.byAddress())).getFirst().id();
        LoginSupport.loginAs(users, "clerk2");

        assertThatThrownBy(() -> readEvents.subscribe(meterOfClerk, result -> { }))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> readings.follow(meterOfClerk, refused -> { })).isInstanceOf(DomainException.class);
        assertThat(readEvents.subscribers(meterOfClerk)).isZero();
    }
}
