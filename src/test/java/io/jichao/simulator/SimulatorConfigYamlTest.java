package io.jichao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorConfigYamlTest {

    @Test
    void the_sample_configuration_loads_with_every_collector_port_and_meter() throws IOException {
        SimulatorConfig config = SimulatorConfigYaml.parse(resource("/simulator/sample.yml"));

        assertThat(config.seed()).isEqualTo(42);
        assertThat(config.collectors()).extracting(CollectorConfig::id).containsExactly("A", "D");
        CollectorConfig a = config.collectors().getFirst();
        assertThat(a.model()).isEqualTo(Dh600Model.DH604);
        assertThat(a.ports()).extracting(PortConfig::protocol)
                .containsExactly(BusProtocol.DLT645_2007, BusProtocol.DLT645_1997, BusProtocol.MODBUS_RTU);
        PortConfig first = a.ports().getFirst();
        assertThat(first.tcpPort()).isEqualTo(17001);
        assertThat(first.responseDelay()).isEqualTo(Duration.ofMillis(50));
        MeterConfig meter = first.meters().getFirst();
        assertThat(meter.address()).isEqualTo("370101010001");
        assertThat(meter.remainingKwh()).isEqualByComparingTo("150");
        assertThat(meter.suddenPowerKw()).isEqualByComparingTo("12");
        assertThat(a.ports().get(1).meters().getFirst().prepaid()).isFalse();
        assertThat(a.ports().get(1).parity()).isEqualTo(SerialParity.EVEN);
        CollectorConfig d = config.collectors().get(1);
        assertThat(d.mode()).isEqualTo(CollectorMode.CLIENT);
        assertThat(d.dialIn().registrationFor(1)).isEqualTo("DH600-D:1");
        assertThat(d.dialIn().heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void omitted_values_take_their_defaults() {
        SimulatorConfig config = SimulatorConfigYaml.parse("""
                simulator:
                  collectors:
                    - id: X
                      model: DH601
                      ports:
                        - protocol: MODBUS_RTU
                          meters:
                            - address: "000000000007"
                """);

        assertThat(config.timeScale()).isEqualTo(1.0);
        CollectorConfig collector = config.collectors().getFirst();
        assertThat(collector.mode()).isEqualTo(CollectorMode.SERVER);
        assertThat(collector.listenHost()).isEqualTo("127.0.0.1");
        PortConfig port = collector.ports().getFirst();
        assertThat(port.number()).isEqualTo(1);
        assertThat(port.baud()).isEqualTo(9600);
        assertThat(port.parity()).isEqualTo(SerialParity.NONE);
        assertThat(port.tcpPort()).isZero();
        assertThat(port.meters().getFirst().maxPowerKw()).isEqualByComparingTo(new BigDecimal("30"));
    }

    @Test
    void mistakes_are_reported_with_their_path() {
        assertThatThrownBy(() -> SimulatorConfigYaml.parse("""
                simulator:
                  collectors:
                    - id: X
                      model: DH602
                      ports:
                        - number: 1
                          baud: fast
                """)).hasMessageContaining("simulator.collectors[0].ports[0].baud");
        assertThatThrownBy(() -> SimulatorConfigYaml.parse("""
                simulator:
                  collectors:
                    - id: X
                      model: DH601
                      ports:
                        - meters:
                            - address: 123456789012
                """)).hasMessageContaining("must be quoted");
        assertThatThrownBy(() -> SimulatorConfigYaml.parse("""
                simulator:
                  collectors:
                    - id: X
                      model: DH601
                      ports:
                        - number: 2
                """)).hasMessageContaining("DH601 has no port 2");
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = SimulatorConfigYamlTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
