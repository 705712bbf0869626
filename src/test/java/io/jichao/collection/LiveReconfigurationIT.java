package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.meters;
import static io.jichao.collection.EngineFixtures.port;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.ArchiveDevicesChanged;
import io.jichao.archive.BillingMode;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortDraft;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.DialInConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Live reconfiguration over real TCP (R16): collectors, ports and meters changed through the
 * archive's services while the engine runs reach it without a restart. The shared test context
 * runs no engine, so the test starts one and a reconciler limited to this test's collectors, and
 * hands it the archive's change events as the application context would. The periodic tier is set
 * to an hour, so everything within 10 s here comes from the event.
 */
@JichaoSpringTest
class LiveReconfigurationIT {

    private static final Set<ReadingItem> ENERGY = Set.of(ReadingItem.ACTIVE_ENERGY);
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Autowired
    private CollectorService collectors;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private ConfigurableApplicationContext context;

    private final String run = "LR" + Integer.toString(Math.floorMod(UUID.randomUUID().hashCode(), 46_656), 36);
    private final String prefix = String.format("79%07d", Math.floorMod(run.hashCode(), 10_000_000));
    private Simulator simulator;
    private CollectionEngine engine;
    private TopologyReconciler reconciler;
    private ApplicationListener<?> listener;

    @BeforeEach
    void startEngine() {
        simulator = EngineFixtures.start(CollectorConfig.server("L", Dh600Model.DH604, List.of(
                port(1, 2400, Duration.ofMillis(250), meters(prefix + "1", 3)),
                port(2, 2400, Duration.ofMillis(20), meters(prefix + "2", 2)),
                port(3, 2400, Duration.ofMillis(20), List.<MeterConfig>of()),
                port(4, 2400, Duration.ofMillis(20), List.<MeterConfig>of()))));
        engine = new CollectionEngine(EngineFixtures.properties(Duration.ofMillis(1500), 1), Clock.systemUTC(),
                EngineFixtures.SHANGHAI);
        engine.start(List.of());
        reconciler = new TopologyReconciler(engine, () -> inventory.enabledCollectors().stream()
                .filter(c -> c.name().startsWith(run)).toList(),
                new TopologyProperties(Duration.ofHours(1), Duration.ofSeconds(30)), null);
        listener = ApplicationListener.forPayload((ArchiveDevicesChanged changed) -> reconciler.onDevicesChanged(changed));
        context.addApplicationListener(listener);
        LoginSupport.loginAs(users, "super");
    }

    @AfterEach
    void stopEngine() {
        removeListener();
        LoginSupport.logout();
        reconciler.close();
        engine.stop();
        simulator.close();
    }

    @Test
    void a_collector_and_its_meters_added_through_the_services_are_connected_and_read_within_10_seconds() {
        long started = System.nanoTime();
        long collectorId = addSimulatedCollector();
        List<Long> added = addMeters(collectorId, 1, prefix + "1", 3);

        await().atMost(WITHIN).until(() -> link(collectorId, 1).map(PortLink::connected).orElse(false)
                && engine.route(added.getLast()).isPresent());
        MeterReadResult read = engine.read(added.getLast(), ENERGY, Priority.OPERATOR).orElseThrow();

        assertThat(read.succeeded()).as(read.failure().orElse("")).isTrue();
        assertThat(read.value(ReadingItem.ACTIVE_ENERGY).orElseThrow().value()).isEqualByComparingTo("1003");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(WITHIN);
        assertThat(engine.linkStates(collectorId)).filteredOn(s -> s.port().portNumber() == 1)
                .singleElement().extracting(PortLinkState::state).isEqualTo(LinkState.CONNECTED);
    }

    @Test
    void a_port_whose_baud_or_protocol_changes_reconnects_with_its_new_settings() {
        long collectorId = addSimulatedCollector();
        List<Long> added = addMeters(collectorId, 1, prefix + "1", 1);
        await().atMost(WITHIN).until(() -> link(collectorId, 1).map(PortLink::connected).orElse(false)
                && link(collectorId, 2).map(PortLink::connected).orElse(false));
        PortLink before1 = link(collectorId, 1).orElseThrow();
        PortLink before2 = link(collectorId, 2).orElseThrow();

        updatePort(collectorId, 1, 9600, MeterProtocol.DLT645_2007);
        updatePort(collectorId, 2, 2400, MeterProtocol.DLT645_1997);

        await().atMost(WITHIN).until(() -> link(collectorId, 1).filter(l -> l != before1 && l.connected()).isPresent()
                && link(collectorId, 2).filter(l -> l != before2 && l.connected()).isPresent());
        assertThat(before1.connected()).isFalse();
        assertThat(before2.connected()).isFalse();
        assertThat(simulator.bus("L", 1).connectionCount()).as("the old connection is closed").isEqualTo(1);
        assertThat(engine.read(added.getFirst(), ENERGY, Priority.OPERATOR).orElseThrow().succeeded()).isTrue();
    }

    @Test
    void a_removed_meter_is_no_longer_polled() {
        long collectorId = addSimulatedCollector();
        List<Long> added = addMeters(collectorId, 1, prefix + "1", 3);
        await().atMost(WITHIN).until(() -> engine.route(added.getLast()).isPresent()
                && link(collectorId, 1).map(PortLink::connected).orElse(false));

        meters.remove(added.getFirst());

        await().atMost(WITHIN).until(() -> engine.route(added.getFirst()).isEmpty());
        long requestsBefore = simulator.bus("L", 1).statistics().requests();
        List<MeterReadResult> results = new CopyOnWriteArrayList<>();
        CycleProgress progress = engine.runCycle(ENERGY, CollectorScope.of(Set.of(collectorId)), results::add, null,
                p -> { });
        assertThat(progress.total()).isEqualTo(2);
        assertThat(results).extracting(MeterReadResult::meterId).containsExactlyInAnyOrderElementsOf(added.subList(1, 3));
        assertThat(results).allMatch(MeterReadResult::succeeded);
        assertThat(simulator.bus("L", 1).statistics().requests() - requestsBefore).isEqualTo(2);
    }

    @Test
    void an_exchange_in_flight_when_its_port_changes_is_answered_never_cut_mid_frame() {
        // Port 1's meters answer after 250 ms: the change arrives while an answer is on its way.
        long collectorId = addSimulatedCollector();
        List<Long> added = addMeters(collectorId, 1, prefix + "1", 3);
        await().atMost(WITHIN).until(() -> engine.route(added.getLast()).isPresent()
                && link(collectorId, 1).map(PortLink::connected).orElse(false));
        PortLink before = link(collectorId, 1).orElseThrow();
        List<CompletableFuture<MeterReadResult>> reads = new ArrayList<>();
        for (long meterId : added) {
            reads.add(CompletableFuture.supplyAsync(() -> engine.read(meterId, ENERGY, Priority.CYCLE).orElseThrow()));
        }
        await().atMost(WITHIN).until(() -> before.counters().attempts() > 0);

        updatePort(collectorId, 1, 9600, MeterProtocol.DLT645_2007);

        List<MeterReadResult> results = reads.stream().map(CompletableFuture::join).toList();
        assertThat(results).allSatisfy(result -> assertThat(result.succeeded()
                || result.failure().orElseThrow().startsWith("LINK_DOWN")).as(result.toString()).isTrue());
        assertThat(results).filteredOn(MeterReadResult::succeeded).isNotEmpty();
        assertThat(before.counters().timeouts()).as("no request lost its answer to the reconnect").isZero();
        assertThat(before.counters().answers()).isEqualTo(before.counters().attempts());
        assertThat(before.decodeStatistics().corruptions()).isZero();
        assertThat(simulator.bus("L", 1).statistics().corruptedAnswers()).isZero();
        await().atMost(WITHIN).until(() -> link(collectorId, 1).filter(l -> l != before && l.connected()).isPresent());
    }

    @Test
    void a_dial_in_collector_added_is_registered_within_10_seconds_and_a_disabled_one_is_refused() {
        String registration = run + "-D";
        DialInConfig dialIn = DialInConfig.of("127.0.0.1", engine.dialInPort(), registration)
                .withHeartbeat("HB", Duration.ofMillis(100));
        try (Simulator unit = EngineFixtures.start(CollectorConfig.client("D", Dh600Model.DH602, dialIn, List.of(
                port(1, 9600, Duration.ofMillis(10), meters(prefix + "5", 1)),
                port(2, 9600, Duration.ofMillis(10), meters(prefix + "6", 1)))))) {
            long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst()
                    .orElseThrow().id();
            CollectorDraft draft = new CollectorDraft(buildingId, run + "-D", CollectorModel.DH602,
                    ConnectionMode.CLIENT, null, registration, true);
            long collectorId = collectors.create(draft);
            List<Long> added = addMeters(collectorId, 2, prefix + "6", 1);

            await().atMost(WITHIN).until(() -> link(collectorId, 2).map(PortLink::connected).orElse(false)
                    && engine.route(added.getFirst()).isPresent());
            assertThat(engine.read(added.getFirst(), ENERGY, Priority.OPERATOR).orElseThrow().succeeded()).isTrue();
            PortLink registered = link(collectorId, 2).orElseThrow();

            collectors.update(collectorId, new CollectorDraft(buildingId, draft.name(), draft.model(),
                    ConnectionMode.CLIENT, null, registration, false));

            await().atMost(WITHIN).until(() -> link(collectorId, 2).isEmpty() && !registered.connected());
            assertThat(engine.route(added.getFirst())).isEmpty();
            await().pollDelay(Duration.ofMillis(1500)).until(() -> true);  // the unit dials again meanwhile
            assertThat(registered.connected()).as("a retired port takes no connection").isFalse();
            assertThat(engine.linkStates(collectorId)).isEmpty();
        }
    }

    @Test
    void a_change_made_by_another_process_is_picked_up_by_the_periodic_reconciliation() {
        long collectorId = addSimulatedCollector();
        await().atMost(WITHIN).until(() -> link(collectorId, 1).map(PortLink::connected).orElse(false));
        PortLink before = link(collectorId, 1).orElseThrow();
        // Another process's change: no event reaches this engine, only the periodic tier.
        removeListener();
        try (TopologyReconciler periodic = new TopologyReconciler(engine, () -> inventory.enabledCollectors().stream()
                .filter(c -> c.name().startsWith(run)).toList(),
                new TopologyProperties(Duration.ofMillis(500), Duration.ofSeconds(30)), null)) {
            updatePort(collectorId, 1, 4800, MeterProtocol.DLT645_2007);

            await().atMost(WITHIN).until(() -> link(collectorId, 1).filter(l -> l != before && l.connected())
                    .isPresent());
        }
    }

    private void removeListener() {
        context.getBean(AbstractApplicationContext.APPLICATION_EVENT_MULTICASTER_BEAN_NAME,
                ApplicationEventMulticaster.class).removeApplicationListener(listener);
    }

    private java.util.Optional<PortLink> link(long collectorId, int port) {
        return engine.link(new PortKey(collectorId, port));
    }

    /**
     * A DH604 in SERVER mode whose ports point at the simulator's collector "L": created disabled,
     * so the engine never dials the default TCP ports, and enabled once its ports are set.
     */
    private long addSimulatedCollector() {
        long buildingId = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow().id();
        CollectorDraft draft = new CollectorDraft(buildingId, run + "-L", CollectorModel.DH604, ConnectionMode.SERVER,
                "127.0.0.1", null, false);
        long id = collectors.create(draft);
        for (int number = 1; number <= 4; number++) {
            updatePort(id, number, 2400, MeterProtocol.DLT645_2007);
        }
        collectors.update(id, new CollectorDraft(buildingId, draft.name(), draft.model(), draft.connectionMode(),
                draft.host(), null, true));
        return id;
    }

    private void updatePort(long collectorId, int number, int baud, MeterProtocol protocol) {
        CollectorView collector = collectors.list().stream().filter(c -> c.id() == collectorId).findFirst().orElseThrow();
        long portId = collector.ports().stream().filter(p -> p.portNumber() == number).findFirst().orElseThrow().id();
        collectors.updatePort(portId, new PortDraft(baud, 8, Parity.EVEN, 1, protocol, simulator.boundPort("L", number)));
    }

    private List<Long> addMeters(long collectorId, int portNumber, String addressPrefix, int count) {
        CollectorView collector = collectors.list().stream().filter(c -> c.id() == collectorId).findFirst().orElseThrow();
        long portId = collector.ports().stream().filter(p -> p.portNumber() == portNumber).findFirst().orElseThrow().id();
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(meters.create(new MeterDraft(addressPrefix + String.format("%02d", i), null,
                    MeterProtocol.DLT645_2007, Phase.THREE, BillingMode.POSTPAID, collector.buildingId(), null, null,
                    portId, 1, 1, new BigDecimal("10"), null, null, null, null, List.of())));
        }
        return ids;
    }
}
