package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.device;
import static io.jichao.collection.EngineFixtures.meterId;
import static io.jichao.collection.EngineFixtures.meters;
import static io.jichao.collection.EngineFixtures.port;
import static io.jichao.collection.EngineFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionOperations;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.Simulator;

/** The engine's reconciliation against the simulator over TCP, without the archive around it. */
class EngineReconcileIT {

    private Simulator simulator;
    private CollectionEngine engine;
    private CollectorDevice collector;

    @BeforeEach
    void start() {
        simulator = EngineFixtures.start(CollectorConfig.server("A", Dh600Model.DH602, List.of(
                port(1, 9600, Duration.ofMillis(200), meters("3701050100", 6)),
                port(2, 9600, Duration.ofMillis(10), meters("3701050200", 2)))));
        collector = device(simulator, 1, "A", ConnectionMode.SERVER, null);
        engine = new CollectionEngine(properties(Duration.ofMillis(800), 1), Clock.systemUTC(), EngineFixtures.SHANGHAI);
        engine.start(List.of());
    }

    @AfterEach
    void stop() {
        engine.stop();
        simulator.close();
    }

    @Test
    void a_cycle_reading_a_port_that_is_removed_meanwhile_ends_at_once_with_the_rest_failed_as_link_down() {
        engine.reconcile(List.of(collector));
        await().atMost(Duration.ofSeconds(5)).until(() -> link(1).map(PortLink::connected).orElse(false));
        List<MeterReadResult> results = new CopyOnWriteArrayList<>();
        CompletableFuture<CycleProgress> cycle = CompletableFuture.supplyAsync(() -> engine.runCycle(
                Set.of(ReadingItem.ACTIVE_ENERGY), CollectorScope.ALL, results::add, null, progress -> { }));
        await().atMost(Duration.ofSeconds(5)).until(() -> !results.isEmpty());

        engine.reconcile(List.of());

        CycleProgress done = cycle.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(done.total()).isEqualTo(8);
        assertThat(done.done()).isEqualTo(8);
        assertThat(results).filteredOn(r -> !r.succeeded())
                .allSatisfy(r -> assertThat(r.failure().orElseThrow()).startsWith("LINK_DOWN"));
        assertThat(link(1)).isEmpty();
        assertThat(engine.status().collectors()).isEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> simulator.bus("A", 1).connectionCount() == 0);
    }

    @Test
    void metrics_follow_ports_added_and_reconnected_after_the_start() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingWriter writer = new ReadingWriter(new JdbcTemplate(new SimpleDriverDataSource()),
                TransactionOperations.withoutTransaction(), properties(Duration.ofSeconds(1), 0).writer())) {
            EngineMetrics.bind(registry, engine, writer);
            engine.reconcile(List.of(collector));
            EngineMetrics.bindPorts(registry, engine);
            await().atMost(Duration.ofSeconds(5)).until(() -> link(2).map(PortLink::connected).orElse(false));

            assertThat(engine.read(meterId(1, 2, 0), Set.of(ReadingItem.ACTIVE_ENERGY),
                    Priority.OPERATOR).orElseThrow().succeeded()).isTrue();
            assertThat(registry.get("jichao.port.answers").tag("port", "2").functionCounter().count()).isEqualTo(1);
        }
    }

    @Test
    void a_meter_moved_to_another_bus_is_read_on_its_new_bus_without_a_reconnect() {
        MeterDevice moved = collector.ports().get(1).meters().getLast();
        CollectorDevice before = withPortMeters(appended(collector.ports().get(0).meters(), moved),
                collector.ports().get(1).meters().subList(0, 1));
        engine.reconcile(List.of(before));
        await().atMost(Duration.ofSeconds(5)).until(() -> link(1).map(PortLink::connected).orElse(false)
                && link(2).map(PortLink::connected).orElse(false));
        PortLink port2 = link(2).orElseThrow();
        assertThat(engine.route(moved.id()).orElseThrow().port().portNumber()).isEqualTo(1);

        engine.reconcile(List.of(collector));

        assertThat(engine.route(moved.id()).orElseThrow().port().portNumber()).isEqualTo(2);
        assertThat(engine.read(moved.id(), Set.of(ReadingItem.ACTIVE_ENERGY), Priority.OPERATOR).orElseThrow()
                .succeeded()).isTrue();
        assertThat(link(2)).as("a meter's move does not touch the connection").contains(port2);
    }

    private CollectorDevice withPortMeters(List<MeterDevice> port1, List<MeterDevice> port2) {
        PortDevice first = collector.ports().get(0);
        PortDevice second = collector.ports().get(1);
        return new CollectorDevice(collector.id(), collector.name(), collector.model(), collector.mode(),
                collector.host(), collector.registrationId(), List.of(
                new PortDevice(first.portNumber(), first.baudRate(), first.parity(), first.protocol(), first.tcpPort(),
                        port1),
                new PortDevice(second.portNumber(), second.baudRate(), second.parity(), second.protocol(),
                        second.tcpPort(), port2)));
    }

    private static List<MeterDevice> appended(List<MeterDevice> meters, MeterDevice extra) {
        List<MeterDevice> all = new java.util.ArrayList<>(meters);
        all.add(extra);
        return all;
    }

    private java.util.Optional<PortLink> link(int port) {
        return engine.link(new PortKey(1, port));
    }
}
