package io.jichao.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.JichaoApplication;
import io.jichao.simulator.CollectorState;
import io.jichao.simulator.CollectorMode;
import io.jichao.simulator.Simulator;

/**
 * Whole starts of the application on empty databases: without the demo switch a production
 * install (one super admin, nothing else); with the {@code demo} profile the demo park, played by
 * the simulator, which skips a collector whose port is taken; and a start that fails after the
 * simulator started leaves no port listening.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoProfileStartIT {

    private static ConfigurableApplicationContext start(String[] profiles, List<String> properties,
                                                        Class<?>... extraRunners) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--jichao.collection.enabled=false"));
        properties.forEach(p -> args.add("--" + p));
        return new SpringApplicationBuilder(JichaoApplication.class).profiles(profiles)
                .initializers(context -> {
                    for (Class<?> runner : extraRunners) {
                        ((GenericApplicationContext) context).registerBean(runner);
                    }
                })
                .run(args.toArray(String[]::new));
    }

    @Test
    void a_plain_start_on_an_empty_database_has_only_the_initial_super_admin_and_no_meters() {
        try (ConfigurableApplicationContext context = start(new String[] {"test"},
                List.of("jichao.demo.enabled=false"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList("SELECT username FROM operator", String.class)).containsExactly("admin");
            assertThat(jdbc.queryForObject("SELECT must_change_password FROM operator", Boolean.class)).isTrue();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meter", Long.class)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM collector", Long.class)).isZero();
            assertThat(context.getBeansOfType(DemoSimulatorLauncher.class)).isEmpty();
        }
    }

    @Test
    void the_demo_profile_seeds_the_park_and_a_taken_simulator_port_skips_only_that_collector(CapturedOutput output)
            throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket dialIn = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            List<Integer> listened;
            try (ConfigurableApplicationContext context = start(new String[] {"test", "demo"}, List.of(
                    "jichao.demo.first-tcp-port=" + port, "jichao.simulator.dial-in-port=" + dialIn.getLocalPort()))) {
                assertThat(context.isActive()).isTrue();
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meter", Long.class)).isGreaterThan(245);
                assertThat(jdbc.queryForList("SELECT simulated FROM collector", Boolean.class)).isNotEmpty()
                        .containsOnly(true);
                assertThat(jdbc.queryForObject("SELECT must_change_password FROM operator WHERE username = 'super'",
                        Boolean.class)).as("demo logins as today in the demo profile").isFalse();

                DemoSimulatorLauncher launcher = context.getBean(DemoSimulatorLauncher.class);
                assertThat(launcher.simulator().collector("A座采集器").state()).isEqualTo(CollectorState.STOPPED);
                assertThat(output.getOut()).contains("Simulated collector A座采集器 skipped")
                        .contains("127.0.0.1:" + port);
                listened = listening(launcher.simulator());
                assertThat(listened).as("the other collectors run").isNotEmpty();
            }
            assertThat(listened).isNotEmpty().allSatisfy(DemoProfileStartIT::assertNotListening);
        }
    }

    @Test
    void a_start_that_fails_after_the_simulator_started_leaves_no_port_listening() throws IOException {
        int firstPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            firstPort = probe.getLocalPort();
        }
        FailingRunner.listened.clear();
        assertThatThrownBy(() -> start(new String[] {"test", "demo"},
                List.of("jichao.demo.first-tcp-port=" + firstPort, "jichao.simulator.dial-in-port=" + firstPort),
                FailingRunner.class))
                .hasStackTraceContaining("a later start step failed");

        assertThat(FailingRunner.listened).as("the simulator had started").isNotEmpty()
                .allSatisfy(DemoProfileStartIT::assertNotListening);
    }

    /** The TCP ports the simulator's running SERVER collectors listen on. */
    static List<Integer> listening(Simulator simulator) {
        return simulator.collectors().stream()
                .filter(c -> c.state() == CollectorState.RUNNING && c.config().mode() == CollectorMode.SERVER)
                .flatMap(c -> c.config().ports().stream().map(p -> simulator.boundPort(c.id(), p.number())))
                .toList();
    }

    private static void assertNotListening(int port) {
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .as("port %d", port).isInstanceOf(ConnectException.class);
    }

    /** A start step after the simulator's that fails; it notes the ports the simulator listens on. */
    @Order(10)
    static final class FailingRunner implements ApplicationRunner {
        static final List<Integer> listened = new ArrayList<>();
        private final DemoSimulatorLauncher launcher;

        FailingRunner(DemoSimulatorLauncher launcher) {
            this.launcher = launcher;
        }

        @Override
        public void run(ApplicationArguments args) {
            listened.addAll(listening(launcher.simulator()));
            throw new IllegalStateException("a later start step failed");
        }
    }
}
