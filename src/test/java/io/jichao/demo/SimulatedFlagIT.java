package io.jichao.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.DeviceInventory;
import io.jichao.simulator.CollectorState;
import io.jichao.testing.JichaoSpringTest;

/**
 * The launcher plays only collectors the archive marks simulated: a real SERVER collector's TCP
 * port is never bound and a real CLIENT collector's registration ID is never dialled, whatever the
 * settings; a simulated collector whose port is taken is skipped and the others run.
 */
@JichaoSpringTest
class SimulatedFlagIT {

    private static final String SERVER_SIMULATED = "A座采集器";
    private static final String SERVER_REAL = "C座采集器";
    private static final String CLIENT = "D座采集器";

    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Clock clock;

    private List<Map<String, Object>> savedCollectors;
    private List<Map<String, Object>> savedPorts;
    private DemoSimulatorLauncher launcher;
    private ServerSocket dialIn;

    @BeforeEach
    void onlyTheTestsCollectorsOnFreshPorts() throws IOException {
        savedCollectors = jdbc.queryForList("SELECT id, simulated, enabled FROM collector");
        savedPorts = jdbc.queryForList("SELECT id, tcp_port FROM serial_port");
        jdbc.update("UPDATE collector SET simulated = FALSE, enabled = (name IN (?, ?, ?))", SERVER_SIMULATED,
                SERVER_REAL, CLIENT);
        // The simulated SERVER collector listens on ephemeral ports; the real one keeps its archived ports.
        jdbc.update("UPDATE serial_port p JOIN collector c ON c.id = p.collector_id SET p.tcp_port = 0 WHERE c.name = ?",
                SERVER_SIMULATED);
        jdbc.update("UPDATE collector SET simulated = TRUE WHERE name = ?", SERVER_SIMULATED);
        dialIn = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        dialIn.setSoTimeout(3000);
    }

    @AfterEach
    void restore() throws IOException {
        if (launcher != null) {
            launcher.destroy();
        }
        dialIn.close();
        savedCollectors.forEach(row -> jdbc.update("UPDATE collector SET simulated = ?, enabled = ? WHERE id = ?",
                row.get("simulated"), row.get("enabled"), row.get("id")));
        savedPorts.forEach(row -> jdbc.update("UPDATE serial_port SET tcp_port = ? WHERE id = ?",
                row.get("tcp_port"), row.get("id")));
    }

    @Test
    void a_real_client_collector_is_never_dialled_and_a_real_server_collectors_port_never_bound() throws IOException {
        int realPort = freePort();
        jdbc.update("UPDATE serial_port p JOIN collector c ON c.id = p.collector_id SET p.tcp_port = ? "
                + "WHERE c.name = ? AND p.port_number = 1", realPort, SERVER_REAL);

        launcher = launch();

        assertThat(launcher.simulator().collectors()).extracting(c -> c.id()).containsExactly(SERVER_SIMULATED);
        assertThat(launcher.simulator().collector(SERVER_SIMULATED).state()).isEqualTo(CollectorState.RUNNING);
        assertThatThrownBy(dialIn::accept).as("no registration reaches the dial-in listener")
                .isInstanceOf(SocketTimeoutException.class);
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), realPort).close())
                .as("the real collector's archived port %d", realPort).isInstanceOf(ConnectException.class);
    }

    @Test
    void the_same_client_collector_marked_simulated_dials_in_with_its_registration() throws IOException {
        jdbc.update("UPDATE collector SET simulated = TRUE WHERE name = ?", CLIENT);

        launcher = launch();

        try (Socket registration = dialIn.accept(); InputStream in = registration.getInputStream()) {
            registration.setSoTimeout(3000);
            byte[] packet = new byte[32];
            int read = in.read(packet);
            assertThat(new String(packet, 0, read, StandardCharsets.US_ASCII)).startsWith("DH600-D");
        }
    }

    @Test
    void a_simulated_collector_whose_port_is_taken_is_skipped_and_the_others_run() throws IOException {
        jdbc.update("UPDATE collector SET simulated = TRUE WHERE name = ?", SERVER_REAL);
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            jdbc.update("UPDATE serial_port p JOIN collector c ON c.id = p.collector_id SET p.tcp_port = ? "
                    + "WHERE c.name = ? AND p.port_number = 1", taken.getLocalPort(), SERVER_REAL);
            jdbc.update("UPDATE serial_port p JOIN collector c ON c.id = p.collector_id SET p.tcp_port = 0 "
                    + "WHERE c.name = ? AND p.port_number > 1", SERVER_REAL);

            launcher = launch();

            assertThat(launcher.simulator().collector(SERVER_REAL).state()).isEqualTo(CollectorState.STOPPED);
            assertThat(launcher.simulator().collector(SERVER_SIMULATED).state()).isEqualTo(CollectorState.RUNNING);
        }
    }

    private DemoSimulatorLauncher launch() {
        SimulatorProperties properties = new SimulatorProperties(true, "127.0.0.1", dialIn.getLocalPort(), 2024, 1,
                Duration.ofMillis(20));
        DemoSimulatorLauncher started = new DemoSimulatorLauncher(inventory, properties, clock);
        started.run(null);
        return started;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
