package io.jichao.collection;

import static io.jichao.collection.EngineFixtures.meters;
import static io.jichao.collection.EngineFixtures.port;
import static io.jichao.collection.EngineFixtures.properties;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.RawBytes;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.Simulator;

/**
 * The default registration pattern over real TCP (listener on port 0): the common forms register,
 * anything else is listed as an unknown dial-in with the bytes it sent.
 */
class DialInRegistrationFormsIT {

    private CollectionEngine engine;
    private final List<Socket> sockets = new java.util.ArrayList<>();

    @BeforeEach
    void startEngine() {
        Simulator layout = EngineFixtures.start(CollectorConfig.server("P", Dh600Model.DH602, List.of(
                port(1, 9600, Duration.ofMillis(10), meters("3701050100", 1)),
                port(2, 9600, Duration.ofMillis(10), meters("3701050200", 1)))));
        CollectorDevice peerd = EngineFixtures.device(layout, 5, "P", ConnectionMode.CLIENT, "PEERD");
        CollectorDevice dh600 = EngineFixtures.device(layout, 6, "P", ConnectionMode.CLIENT, "DH600-D");
        layout.close();
        engine = new CollectionEngine(properties(Duration.ofMillis(500), 1), Clock.systemUTC(), EngineFixtures.SHANGHAI);
        engine.start(List.of(peerd, dh600));
    }

    @AfterEach
    void stop() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        engine.stop();
    }

    private void send(byte[] bytes) throws Exception {
        Socket socket = new Socket("127.0.0.1", engine.dialInPort());
        sockets.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
    }

    private void send(String text) throws Exception {
        send(text.getBytes(StandardCharsets.US_ASCII));
    }

    private PortLink link(long collectorId, int port) {
        return engine.link(new PortKey(collectorId, port)).orElseThrow();
    }

    @Test
    void id_colon_port_registers_with_the_default_pattern() throws Exception {
        send("DH600-D:1");

        await().atMost(Duration.ofSeconds(5)).until(() -> link(6, 1).connected());
        assertThat(engine.unknownDialIns().list()).isEmpty();
    }

    @Test
    void a_login_prefix_and_the_id_dash_p_port_form_register_with_the_default_pattern() throws Exception {
        send("LOGIN:PEERD-P1");
        send("PEERD-P2");

        await().atMost(Duration.ofSeconds(5)).until(() -> link(5, 1).connected() && link(5, 2).connected());
        assertThat(link(6, 1).connected()).isFalse();
        assertThat(engine.unknownDialIns().list()).isEmpty();
    }

    @Test
    void garbage_is_listed_as_an_unknown_dial_in_with_its_bytes_at_once() throws Exception {
        byte[] garbage = {(byte) 0xFE, (byte) 0xFE, 0x68, 0x41, 0x42, 0x00, 0x16};
        send(garbage);

        // Bytes that can never become a registration are judged at once, not after the 2 s timeout.
        await().atMost(Duration.ofSeconds(1)).until(() -> !engine.unknownDialIns().list().isEmpty());
        UnknownDialIn listed = engine.unknownDialIns().list().getFirst();
        assertThat(listed.hex()).isEqualTo("FE FE 68 41 42 00 16").isEqualTo(RawBytes.hex(garbage));
        assertThat(listed.text()).isEqualTo("..hAB..");
        assertThat(listed.sourceHost()).isEqualTo("127.0.0.1");
        assertThat(listed.registrationId()).isNull();
        assertThat(listed.count()).isEqualTo(1);

        send(garbage);
        await().atMost(Duration.ofSeconds(1)).until(() -> engine.unknownDialIns().list().getFirst().count() == 2);
        assertThat(engine.unknownDialIns().list()).hasSize(1);
    }

    @Test
    void a_registration_of_an_unknown_collector_is_listed_with_its_parsed_code() throws Exception {
        send("LOGIN:NEWONE-P3");

        await().atMost(Duration.ofSeconds(1)).until(() -> !engine.unknownDialIns().list().isEmpty());
        UnknownDialIn listed = engine.unknownDialIns().list().getFirst();
        assertThat(listed.registrationId()).isEqualTo("NEWONE");
        assertThat(listed.portNumber()).isEqualTo(3);
        assertThat(listed.text()).isEqualTo("LOGIN:NEWONE-P3");
    }

    @Test
    void an_incomplete_registration_is_listed_with_what_arrived_when_the_registration_time_runs_out() throws Exception {
        send("PEER");

        await().atMost(Duration.ofSeconds(5)).until(() -> !engine.unknownDialIns().list().isEmpty());
        UnknownDialIn listed = engine.unknownDialIns().list().getFirst();
        assertThat(listed.text()).isEqualTo("PEER");
        assertThat(listed.hex()).isEqualTo("50 45 45 52");
    }
}
