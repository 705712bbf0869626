package io.jichao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645FrameParser;
import io.jichao.protocol.dlt645.Dlt645ParseResult;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.CollectorMode;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;
import io.jichao.testing.JichaoSpringTest;

/** The demo glue: the archive's devices as a simulated site (started here on ephemeral ports). */
@JichaoSpringTest
class DemoSimulatorLauncherIT {

    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private SimulatorProperties properties;
    @Autowired
    private ApplicationContext context;

    @Test
    void inventory_lists_every_enabled_collector_with_its_ports_and_active_meters() {
        List<CollectorDevice> collectors = inventory.enabledCollectors();

        assertThat(collectors).extracting(CollectorDevice::name).contains("A座采集器", "B座采集器", "C座采集器", "D座采集器");
        CollectorDevice d = collectors.stream().filter(c -> c.name().equals("D座采集器")).findFirst().orElseThrow();
        assertThat(d.mode()).isEqualTo(ConnectionMode.CLIENT);
        assertThat(d.registrationId()).isEqualTo("DH600-D");
        List<MeterDevice> channels = d.ports().stream().flatMap(p -> p.meters().stream())
                .filter(m -> m.channel() != null).toList();
        assertThat(channels).hasSize(12).extracting(MeterDevice::address).containsOnly("370104019900");
        long meters = collectors.stream().flatMap(c -> c.ports().stream()).mapToLong(p -> p.meters().size()).sum();
        assertThat(meters).isGreaterThanOrEqualTo(245 + 4 + 8);
    }

    @Test
    void the_launcher_stays_off_in_tests() {
        assertThat(context.getBeansOfType(DemoSimulatorLauncher.class)).isEmpty();
    }

    @Test
    void dhdsy_channels_answer_at_the_box_address_plus_channel_minus_one() {
        assertThat(DemoSimulatorConfigs.channelAddress("370103019900", 1)).isEqualTo("370103019900");
        assertThat(DemoSimulatorConfigs.channelAddress("370103019900", 12)).isEqualTo("370103019911");
        assertThat(DemoSimulatorConfigs.channelAddress("370103010001", null)).isEqualTo("370103010001");
    }

    @Test
    void the_simulated_demo_park_answers_for_an_archived_household_channel() throws Exception {
        SimulatorConfig demo = DemoSimulatorConfigs.from(inventory.enabledCollectors(), properties);
        SimulatorConfig onFreePorts = new SimulatorConfig(demo.timeScale(), demo.seed(), demo.zone(),
                demo.collectors().stream().filter(c -> c.mode() == CollectorMode.SERVER)
                        .map(c -> new CollectorConfig(c.id(), c.model(), c.mode(), c.listenHost(), c.dialIn(),
                                c.ports().stream().map(p -> p.withTcpPort(0)).toList()))
                        .toList());
        try (Simulator simulator = new Simulator(onFreePorts, SimulationClock.manual(Instant.now())).start()) {
            int portNumber = onFreePorts.collectors().stream().filter(c -> c.id().equals("C座采集器")).findFirst()
                    .orElseThrow().ports().stream()
                    .filter(p -> p.meters().stream().anyMatch(m -> m.address().equals("370103019911")))
                    .findFirst().orElseThrow().number();
            ElectricMeter channel12 = simulator.electricMeter("C座采集器", portNumber, "370103019911");
            assertThat(channel12.remainingKwh()).isGreaterThan(BigDecimal.ZERO);

            Dlt645Frame answer = exchange(simulator.boundPort("C座采集器", portNumber),
                    Dlt645Commands.read(MeterAddress.of("370103019911"), DataItem2007.REMAINING_ENERGY));
            assertThat(answer.address()).isEqualTo(MeterAddress.of("370103019911"));
            assertThat(answer.control().value()).isEqualTo(0x91);
        }
    }

    /** A plain blocking socket is enough for one exchange; the decoding is the engine's parser. */
    private static Dlt645Frame exchange(int port, Dlt645Frame request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(request.encode(true));
            byte[] buffer = new byte[256];
            int length = 0;
            while (true) {
                int read = socket.getInputStream().read(buffer, length, buffer.length - length);
                assertThat(read).isPositive();
                length += read;
                if (Dlt645FrameParser.parse(buffer, 0, length) instanceof Dlt645ParseResult.Decoded decoded) {
                    return decoded.frame();
                }
            }
        }
    }
}
