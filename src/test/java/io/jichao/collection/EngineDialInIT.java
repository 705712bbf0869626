package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.meterId;
import static io.jichao.collection.EngineFixtures.meters;
import static io.jichao.collection.EngineFixtures.port;
import static io.jichao.collection.EngineFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.DialInConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.Simulator;

/** CLIENT-mode collectors dialling in to the engine's listener (port 0) with registration and heartbeat. */
class EngineDialInIT {

    private CollectionEngine engine;
    private Simulator simulator;

    @BeforeEach
    void startEngine() {
        // The archive side knows the collector before it dials in; its ports carry no TCP port.
        Simulator layout = EngineFixtures.start(CollectorConfig.server("D", Dh600Model.DH602, List.of(
                port(1, 9600, Duration.ofMillis(10), meters("3701040100", 2)),
                port(2, 9600, Duration.ofMillis(10), meters("3701040200", 2)))));
        CollectorDevice device = EngineFixtures.device(layout, 4, "D", ConnectionMode.CLIENT, "DH600-D");
        layout.close();
        engine = new CollectionEngine(properties(Duration.ofMillis(500), 1), Clock.systemUTC(), EngineFixtures.SHANGHAI);
        engine.start(List.of(device));
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
        engine.stop();
    }

    private void dialIn(String registration) {
        DialInConfig dialIn = DialInConfig.of("127.0.0.1", engine.dialInPort(), registration)
                .withHeartbeat("HB", Duration.ofMillis(100));
        simulator = EngineFixtures.start(CollectorConfig.client("D", Dh600Model.DH602, dialIn, List.of(
                port(1, 9600, Duration.ofMillis(10), meters("3701040100", 2)),
                port(2, 9600, Duration.ofMillis(10), meters("3701040200", 2)))));
    }

    private PortLink link(int port) {
        return engine.link(new PortKey(4, port)).orElseThrow();
    }

    @Test
    void a_registered_collector_is_read_through_its_dial_in_connections_and_heartbeats_are_dropped() {
        dialIn("DH600-D");
        await().atMost(Duration.ofSeconds(5)).until(() -> link(1).connected() && link(2).connected());
        await().pollDelay(Duration.ofMillis(400)).until(() -> true);  // several heartbeats arrive meanwhile

        CycleProgress progress = engine.runCycle(Set.of(ReadingItem.ACTIVE_ENERGY), result -> { });
        MeterReadResult one = engine.read(meterId(4, 2, 1), Set.of(ReadingItem.ACTIVE_ENERGY), Priority.OPERATOR)
                .orElseThrow();

        assertThat(progress.failed()).isZero();
        assertThat(progress.done()).isEqualTo(4);
        assertThat(one.value(ReadingItem.ACTIVE_ENERGY).orElseThrow().value()).isEqualByComparingTo("1002");
        assertThat(link(1).decodeStatistics().corruptions()).as("heartbeats never reach the decoder").isZero();
        assertThat(link(1).counters().unmatched()).isZero();
    }

    @Test
    void a_reconnect_with_the_same_id_replaces_the_old_connection() {
        dialIn("DH600-D");
        await().atMost(Duration.ofSeconds(5)).until(() -> link(1).connected());

        simulator.faults().rebootCollector("D", Duration.ofMillis(200));

        await().atMost(Duration.ofSeconds(5)).until(() -> !link(1).connected());
        await().atMost(Duration.ofSeconds(5)).until(() -> link(1).connected());
        assertThat(engine.read(meterId(4, 1, 0), Set.of(ReadingItem.ACTIVE_ENERGY), Priority.OPERATOR)
                .orElseThrow().succeeded()).isTrue();
    }

    @Test
    void an_unknown_registration_id_is_refused_and_the_connection_closed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", engine.dialInPort())) {
            socket.setSoTimeout(3000);
            OutputStream out = socket.getOutputStream();
            out.write("STRANGER:1".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();

            assertThat(in.read()).as("the engine closes the connection").isEqualTo(-1);
        }
        assertThat(link(1).connected()).isFalse();
    }

    @Test
    void a_silent_dial_in_connection_is_closed_after_three_heartbeat_intervals() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", engine.dialInPort())) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write("DH600-D:1".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            await().atMost(Duration.ofSeconds(2)).until(() -> link(1).connected());

            long start = System.nanoTime();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400), Duration.ofMillis(1500));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> !link(1).connected());
    }
}
