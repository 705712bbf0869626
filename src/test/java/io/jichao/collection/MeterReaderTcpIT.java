package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.device;
import static io.jichao.collection.EngineFixtures.meterId;
import static io.jichao.collection.EngineFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionOperations;

import io.jichao.archive.BillingMode;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Protocol variants and answer matching over real TCP. */
class MeterReaderTcpIT {

    private Simulator simulator;
    private CollectionEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.stop();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private void startEngine(CollectorDevice device) {
        engine = new CollectionEngine(properties(Duration.ofMillis(300), 0), Clock.systemUTC(), EngineFixtures.SHANGHAI);
        engine.start(List.of(device));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
    }

    @Test
    void reads_a_1997_meter_and_a_modbus_water_meter_skipping_what_the_version_lacks_and_publishes_metrics() {
        MeterConfig water = MeterConfig.of("000000000007").withLoad(LoadProfile.FLAT, "0", "0", 0)
                .withInitialEnergyKwh(new BigDecimal("830.5"));
        simulator = EngineFixtures.start(CollectorConfig.server("C", Dh600Model.DH602, List.of(
                PortConfig.of(1, BusProtocol.DLT645_1997, List.of(EngineFixtures.meter("112233445566", "1234.56")))
                        .withBaud(9600).withResponseDelay(Duration.ofMillis(5)),
                PortConfig.of(2, BusProtocol.MODBUS_RTU, List.of(water)).withResponseDelay(Duration.ofMillis(5)))));
        startEngine(device(simulator, 3, "C", ConnectionMode.SERVER, null));
        Set<ReadingItem> all = Set.of(ReadingItem.values());

        MeterReadResult old = engine.read(meterId(3, 1, 0), all, Priority.OPERATOR).orElseThrow();
        MeterReadResult waterResult = engine.read(meterId(3, 2, 0), all, Priority.OPERATOR).orElseThrow();

        assertThat(old.succeeded()).isTrue();
        assertThat(old.value(ReadingItem.ACTIVE_ENERGY).orElseThrow().value()).isEqualByComparingTo("1234.56");
        assertThat(old.value(ReadingItem.REMAINING_ENERGY)).as("1997 has no prepaid item").isEmpty();
        assertThat(old.value(ReadingItem.VOLTAGE_C)).isPresent();
        assertThat(old.value(ReadingItem.METER_TIME).orElseThrow().meterTime()).isNotNull();
        assertThat(waterResult.value(ReadingItem.WATER_VOLUME).orElseThrow().value()).isEqualByComparingTo("830.5");

        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ReadingWriter writer = new ReadingWriter(new JdbcTemplate(new SimpleDriverDataSource()),
                TransactionOperations.withoutTransaction(), properties(Duration.ofSeconds(1), 0).writer())) {
            EngineMetrics.bind(registry, engine, writer);
            assertThat(registry.get("jichao.collector.online").gauge().value()).isEqualTo(1);
            assertThat(registry.get("jichao.port.answers").tag("port", "2").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("jichao.port.timeouts").tag("port", "1").functionCounter().count()).isZero();
        }
    }

    /**
     * A stand-in collector that answers every request first with a frame from another meter, then
     * with the right meter's answer to another identifier, and only then (when {@code answerRightly})
     * with the real answer: 1234.56 kWh forward active total.
     */
    private static Thread fakeCollector(ServerSocket server, boolean answerRightly) {
        MeterAddress meter = MeterAddress.of("000000000001");
        byte[] foreign = Dlt645Frame.of(MeterAddress.of("000000000002"), 0x91,
                new byte[] {0x00, 0x00, 0x01, 0x00, 0x56, 0x34, 0x12, 0x00}).encode(false);
        byte[] otherItem = Dlt645Frame.of(meter, 0x91,
                new byte[] {0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00}).encode(false);
        byte[] right = Dlt645Frame.of(meter, 0x91,
                new byte[] {0x00, 0x00, 0x01, 0x00, 0x56, 0x34, 0x12, 0x00}).encode(false);
        Thread thread = Thread.ofVirtual().start(() -> {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[256];
                while (in.read(buffer) > 0) {
                    out.write(foreign);
                    out.write(otherItem);
                    if (answerRightly) {
                        out.write(right);
                    }
                    out.flush();
                }
            } catch (java.io.IOException closed) {
                // The engine closed the connection: the stand-in's work is done.
            }
        });
        return thread;
    }

    private CollectorDevice fakeDevice(int tcpPort) {
        MeterDevice meter = new MeterDevice(1, "000000000001", null, MeterProtocol.DLT645_2007, Phase.SINGLE, null,
                BillingMode.POSTPAID);
        return new CollectorDevice(9, "fake", CollectorModel.DH601, ConnectionMode.SERVER, "127.0.0.1", null,
                List.of(new PortDevice(1, 9600, Parity.EVEN, MeterProtocol.DLT645_2007, tcpPort, List.of(meter))));
    }

    @Test
    void answers_that_do_not_match_the_request_are_counted_and_never_complete_it() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fakeCollector(server, true);
            startEngine(fakeDevice(server.getLocalPort()));
            PortLink link = engine.link(new PortKey(9, 1)).orElseThrow();

            MeterReadResult result = engine.read(1, Set.of(ReadingItem.ACTIVE_ENERGY), Priority.OPERATOR).orElseThrow();

            assertThat(result.value(ReadingItem.ACTIVE_ENERGY).orElseThrow().value()).isEqualByComparingTo("1234.56");
            assertThat(link.counters().unmatched()).isEqualTo(2);
        }
    }

    @Test
    void a_request_answered_only_by_foreign_frames_times_out() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            fakeCollector(server, false);
            startEngine(fakeDevice(server.getLocalPort()));
            PortLink link = engine.link(new PortKey(9, 1)).orElseThrow();

            MeterReadResult result = engine.read(1, Set.of(ReadingItem.ACTIVE_ENERGY), Priority.OPERATOR).orElseThrow();

            assertThat(result.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("TIMEOUT"));
            assertThat(result.values()).isEmpty();
            assertThat(link.counters().unmatched()).isEqualTo(2);
            assertThat(link.counters().timeouts()).isEqualTo(1);
        }
    }
}
