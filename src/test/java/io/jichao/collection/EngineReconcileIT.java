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
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
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
                    io.jichao.collection.link.Priority.OPERATOR).orElseThrow().succeeded()).isTrue();
            assertThat(registry.get("jichao.port.answers").tag("port", "2").functionCounter().count()).isEqualTo(1);
        }
    }

    private java.util.Optional<PortLink> link(int port) {
        return engine.link(new PortKey(1, port));
    }
}
