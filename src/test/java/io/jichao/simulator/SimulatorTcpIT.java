package io.jichao.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue.Quantity;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeasurementUnit;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.modbus.ModbusRequest;
import io.jichao.protocol.modbus.ModbusResponse;
import io.jichao.protocol.modbus.WordOrder;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulator over real TCP on ephemeral ports, talked to with the engine's codecs. */
class SimulatorTcpIT {

    private static final MeterAddress ONE = MeterAddress.of("000000000001");
    private static final MeterAddress REFERENCE = MeterAddress.of("123456789012");
    private static final Duration SILENCE = Duration.ofMillis(300);

    private static Simulator simulator;
    private static EventLoopGroup clientGroup;

    @BeforeAll
    static void startSimulator() {
        PortConfig fast = PortConfig.of(1, BusProtocol.DLT645_2007, List.of(
                idle("123456789012", "56789.01"), idle("000000000001", "1234.56")))
                .withBaud(9600).withResponseDelay(Duration.ZERO);
        PortConfig neighbour = PortConfig.of(2, BusProtocol.DLT645_2007, List.of(idle("000000000002", "1")))
                .withBaud(9600).withResponseDelay(Duration.ZERO);
        PortConfig water = PortConfig.of(3, BusProtocol.MODBUS_RTU, List.of(MeterConfig.of("000000000001")
                .withLoad(LoadProfile.FLAT, "0", "0", 0).withInitialEnergyKwh(new BigDecimal("830.5"))))
                .withResponseDelay(Duration.ZERO);
        PortConfig slowBus = PortConfig.of(4, BusProtocol.DLT645_2007, List.of(idle("000000000003", "7")))
                .withResponseDelay(Duration.ZERO);
        PortConfig rebootable = PortConfig.of(1, BusProtocol.DLT645_2007, List.of(idle("000000000004", "4")))
                .withBaud(9600).withResponseDelay(Duration.ZERO);
        SimulatorConfig config = SimulatorConfig.of(11, List.of(
                CollectorConfig.server("A", Dh600Model.DH604, List.of(fast, neighbour, water, slowBus)),
                CollectorConfig.server("B", Dh600Model.DH601, List.of(rebootable))));
        Instant start = LocalDateTime.of(2024, 5, 17, 9, 0).atZone(config.zone()).toInstant();
        simulator = new Simulator(config, SimulationClock.manual(start)).start();
        clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
        clientGroup.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @AfterEach
    void repair() {
        simulator.faults().clearAll();
    }

    private static MeterConfig idle(String address, String energy) {
        return MeterConfig.of(address).withLoad(LoadProfile.FLAT, "0", "0", 0).withInitialEnergyKwh(new BigDecimal(energy));
    }

    private static TestMaster master(String collector, int port) {
        return TestMaster.dlt645(clientGroup, simulator.boundPort(collector, port));
    }

    @Test
    void read_answers_match_the_reference_formats() throws Exception {
        try (TestMaster master = master("A", 1)) {
            master.send(Dlt645Commands.read(REFERENCE, DataItem2007.FORWARD_ACTIVE_TOTAL));
            Dlt645Frame answer = master.nextFrame();

            assertThat(answer.encode(false)).isEqualTo(io.jichao.protocol.dlt645.HexBytes.hex(
                    "68 12 90 78 56 34 12 68 91 08 33 33 34 33 34 BC 9A 38 AE 16"));

            master.send(Dlt645Commands.read(REFERENCE, DataItem2007.VOLTAGE_BLOCK));
            Dlt645Response.ReadAnswer voltages = (Dlt645Response.ReadAnswer) Dlt645Response.of(master.nextFrame());
            assertThat(voltages.decode(DataItem2007.VOLTAGE_BLOCK)).isInstanceOf(
                    io.jichao.protocol.dlt645.DataValue.QuantityBlock.class);
        }
    }

    @Test
    void only_the_addressed_meter_answers_and_a_broadcast_gets_no_answer() throws Exception {
        try (TestMaster master = master("A", 1)) {
            master.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));
            Dlt645Response.ReadAnswer answer = (Dlt645Response.ReadAnswer) Dlt645Response.of(master.nextFrame());
            assertThat(answer.address()).isEqualTo(ONE);
            assertThat(answer.decode(DataItem2007.FORWARD_ACTIVE_TOTAL))
                    .isEqualTo(new Quantity(new BigDecimal("1234.56"), MeasurementUnit.KILOWATT_HOUR));

            long silentBefore = simulator.bus("A", 1).statistics().silent();
            master.send(Dlt645Commands.read(MeterAddress.of("000000000099"), DataItem2007.FORWARD_ACTIVE_TOTAL));
            master.send(Dlt645Commands.broadcastTime(LocalDateTime.of(2024, 5, 17, 13, 45, 30)));
            assertThat(master.next(SILENCE)).isNull();
            assertThat(simulator.bus("A", 1).statistics().silent()).isEqualTo(silentBefore + 2);
            assertThat(simulator.electricMeter("A", 1, "000000000001").meterTime())
                    .isEqualTo(LocalDateTime.of(2024, 5, 17, 13, 45, 30));
        }
    }

    @Test
    void a_shorted_port_answers_nothing_while_its_neighbour_answers() throws Exception {
        simulator.faults().shortPort("A", 2);
        try (TestMaster shorted = master("A", 2); TestMaster neighbour = master("A", 1)) {
            shorted.send(Dlt645Commands.read(MeterAddress.of("000000000002"), DataItem2007.FORWARD_ACTIVE_TOTAL));
            neighbour.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));

            assertThat(neighbour.nextFrame().address()).isEqualTo(ONE);
            assertThat(shorted.next(SILENCE)).isNull();
            assertThat(simulator.bus("A", 2).statistics().dropped()).isPositive();
        }
    }

    @Test
    void an_offline_meter_is_silent_and_a_slow_meter_answers_late() throws Exception {
        try (TestMaster master = master("A", 1)) {
            simulator.faults().meterOffline("A", 1, "000000000001", true);
            master.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));
            assertThat(master.next(SILENCE)).isNull();

            simulator.faults().meterOffline("A", 1, "000000000001", false);
            simulator.faults().slowMeter("A", 1, "000000000001", Duration.ofMillis(400));
            long start = System.nanoTime();
            master.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));
            assertThat(master.nextFrame()).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void a_lost_write_answer_leaves_the_write_applied_and_the_master_without_an_answer_once() throws Exception {
        try (TestMaster master = master("A", 1)) {
            simulator.faults().loseNextWriteAnswer("A", 1, "000000000001");
            master.send(Dlt645Commands.write(ONE, DataItem2007.ACTIVE_POWER_UPPER_LIMIT, Authorization.FACTORY_DEFAULT,
                    new Quantity(new BigDecimal("12.3456"), MeasurementUnit.KILOWATT)));
            assertThat(master.next(SILENCE)).isNull();
            assertThat(simulator.electricMeter("A", 1, "000000000001").maxPowerKw())
                    .isEqualByComparingTo("12.3456");

            master.send(Dlt645Commands.write(ONE, DataItem2007.ACTIVE_POWER_UPPER_LIMIT, Authorization.FACTORY_DEFAULT,
                    new Quantity(new BigDecimal("30.0000"), MeasurementUnit.KILOWATT)));
            assertThat(master.nextFrame().control().fromMeter()).as("the fault fires once").isTrue();
            assertThat(simulator.electricMeter("A", 1, "000000000001").maxPowerKw()).isEqualByComparingTo("30");
        }
    }

    @Test
    void checksum_errors_reach_the_decoder_as_corrupt_frames() throws Exception {
        simulator.faults().checksumErrors("A", 1, 1.0);
        try (TestMaster master = master("A", 1)) {
            master.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));

            assertThat(master.next(SILENCE)).isNull();
            assertThat(master.statistics().corruptions()).isPositive();
            assertThat(simulator.bus("A", 1).statistics().corruptedAnswers()).isPositive();
        }
    }

    @Test
    void garbage_before_answers_is_skipped_and_garbage_instead_of_answers_hides_them() throws Exception {
        try (TestMaster master = master("A", 1)) {
            simulator.faults().garbage("A", 1, GarbageMode.BEFORE_ANSWERS);
            master.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));
            assertThat(master.nextFrame().address()).isEqualTo(ONE);
            assertThat(master.statistics().corruptions()).isPositive();

            simulator.faults().garbage("A", 1, GarbageMode.INSTEAD_OF_ANSWERS);
            master.send(Dlt645Commands.read(ONE, DataItem2007.FORWARD_ACTIVE_TOTAL));
            assertThat(master.next(SILENCE)).isNull();
            assertThat(simulator.bus("A", 1).statistics().garbageBursts()).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void a_modbus_water_meter_reports_its_volume_as_float_and_litres() throws Exception {
        try (TestMaster master = TestMaster.modbus(clientGroup, simulator.boundPort("A", 3))) {
            master.send(new ModbusRequest.ReadHoldingRegisters(1, 0, WaterMeter.REGISTER_COUNT));
            ModbusResponse.ReadRegistersResponse answer =
                    (ModbusResponse.ReadRegistersResponse) master.next(Duration.ofSeconds(3));

            assertThat(answer.float32(0, WordOrder.HIGH_WORD_FIRST)).isEqualTo(830.5f);
            assertThat(answer.uint32(2, WordOrder.HIGH_WORD_FIRST)).isEqualTo(830_500L);

            master.send(new ModbusRequest.ReadHoldingRegisters(1, 4, 4));
            assertThat(master.next(Duration.ofSeconds(3))).isInstanceOfSatisfying(
                    ModbusResponse.ExceptionResponse.class, error -> assertThat(error.code()).isEqualTo(2));
            master.send(new ModbusRequest.ReadHoldingRegisters(9, 0, 2));
            assertThat(master.next(SILENCE)).isNull();
        }
    }

    @Test
    void an_exchange_at_2400_bps_takes_at_least_the_transfer_time_of_both_frames() throws Exception {
        try (TestMaster master = master("A", 4)) {
            Dlt645Frame request = Dlt645Commands.read(MeterAddress.of("000000000003"), DataItem2007.FORWARD_ACTIVE_TOTAL);
            long start = System.nanoTime();
            master.send(request);
            Dlt645Frame answer = master.nextFrame();
            Duration roundTrip = Duration.ofNanos(System.nanoTime() - start);

            int bytes = request.encodedLength(true) + answer.encodedLength(false);
            assertThat(roundTrip.toMillis()).isGreaterThanOrEqualTo(bytes * 11L * 1000 / 2400 - 5);

            // Half duplex: two requests sent together are answered one exchange after the other.
            start = System.nanoTime();
            master.send(request);
            master.send(request);
            assertThat(master.nextFrame()).isNotNull();
            assertThat(master.nextFrame()).isNotNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start).toMillis())
                    .isGreaterThanOrEqualTo(2 * (bytes * 11L * 1000 / 2400) - 10);
        }
    }

    @Test
    void a_rebooted_collector_drops_its_connections_refuses_new_ones_and_comes_back_on_the_same_port() throws Exception {
        int port = simulator.boundPort("B", 1);
        TestMaster before = master("B", 1);
        MeterAddress meter = MeterAddress.of("000000000004");
        awaitConnections("B", 1);

        simulator.faults().rebootCollector("B", Duration.ofMillis(800));

        assertThat(before.channel().closeFuture().await(2, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(simulator.collector("B").state()).isEqualTo(CollectorState.REBOOTING);
        assertThatThrownBy(() -> master("B", 1)).isInstanceOf(Exception.class);

        TestMaster after = connectWithin("B", Duration.ofSeconds(5));
        try (after) {
            assertThat(simulator.boundPort("B", 1)).isEqualTo(port);
            assertThat(simulator.collector("B").state()).isEqualTo(CollectorState.RUNNING);
            after.send(Dlt645Commands.read(meter, DataItem2007.FORWARD_ACTIVE_TOTAL));
            assertThat(after.nextFrame().address()).isEqualTo(meter);
        }
    }

    private static void awaitConnections(String collector, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (simulator.bus(collector, 1).connectionCount() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static TestMaster connectWithin(String collector, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return master(collector, 1);
            } catch (Exception refused) {
                // Netty rethrows the checked ConnectException without declaring it.
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
                Thread.sleep(100);
            }
        }
    }
}
