package io.jichao.collection.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jichao.protocol.dlt645.Authorization;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeasurementUnit;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.dlt645.MeterProfile;

/** The bus state machine without Netty: manual timers, a recording transport, synchronous completion. */
class BusLinkTest {

    private static final MeterAddress METER = MeterAddress.of("123456789012");
    private static final MeterAddress OTHER = MeterAddress.of("000000000001");

    private final List<Object> sent = new ArrayList<>();
    private final List<ManualTimer> timers = new ArrayList<>();
    private final PortCounters counters = new PortCounters();
    private BusLink bus;

    private record ManualTimer(Duration delay, Runnable task, boolean[] cancelled) {
        void fire() {
            if (!cancelled[0]) {
                task.run();
            }
        }
    }

    @BeforeEach
    void connect() {
        bus = new BusLink(new LinkSettings(Duration.ofSeconds(2), 2, Duration.ZERO, 2400, 11), (delay, task) -> {
            ManualTimer timer = new ManualTimer(delay, task, new boolean[1]);
            timers.add(timer);
            return () -> timer.cancelled()[0] = true;
        }, Runnable::run, counters);
        bus.connected(sent::add);
    }

    private static Dlt645Frame read(MeterAddress address, DataItem2007 item) {
        return Dlt645Commands.read(address, item);
    }

    /** V3 of the reference: voltage A of 123456789012 = 220.1 V. */
    private static Dlt645Frame voltageAnswer(MeterAddress from) {
        return frame(from, 0x91, 0x00, 0x01, 0x01, 0x02, 0x01, 0x22);
    }

    private static Dlt645Frame frame(MeterAddress address, int control, int... plainData) {
        byte[] data = new byte[plainData.length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) plainData[i];
        }
        return Dlt645Frame.of(address, control, data);
    }

    @Test
    void only_one_request_is_in_flight_and_the_next_goes_out_after_the_answer() {
        CompletableFuture<ExchangeOutcome> first = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)), Priority.CYCLE);
        bus.submit(BusRequest.of(read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL)), Priority.CYCLE);
        assertThat(sent).hasSize(1);

        bus.received(voltageAnswer(METER));

        assertThat(first.join()).isInstanceOfSatisfying(ExchangeOutcome.Answered.class,
                answered -> assertThat(answered.answer()).isInstanceOf(Dlt645Response.ReadAnswer.class));
        assertThat(sent).hasSize(2);
    }

    @Test
    void an_answer_from_another_meter_is_counted_and_never_completes_the_request() {
        CompletableFuture<ExchangeOutcome> request = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);

        bus.received(voltageAnswer(OTHER));
        bus.received(frame(METER, 0x91, 0x00, 0x00, 0x01, 0x00, 0x56, 0x34, 0x12, 0x00));

        assertThat(request).isNotDone();
        assertThat(counters.unmatched()).isEqualTo(2);
        bus.received(voltageAnswer(METER));
        assertThat(request.join().answered()).isTrue();
    }

    @Test
    void operator_requests_overtake_waiting_write_and_cycle_requests() {
        bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)), Priority.CYCLE);
        bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_B)), Priority.CYCLE);
        bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_C)), Priority.WRITE);
        bus.submit(BusRequest.of(read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL)), Priority.OPERATOR);

        bus.received(voltageAnswer(METER));

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL));
    }

    @Test
    void a_silent_meter_is_tried_again_and_then_times_out_with_every_attempt_counted() {
        CompletableFuture<ExchangeOutcome> request = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);

        timers.getLast().fire();
        timers.getLast().fire();
        timers.getLast().fire();

        assertThat(request.join()).isEqualTo(new ExchangeOutcome.TimedOut(3));
        assertThat(sent).hasSize(3);
        assertThat(counters.timeouts()).isEqualTo(3);
        assertThat(counters.retries()).isEqualTo(2);
        assertThat(timers.getFirst().delay()).as("timeout counts from the last byte on the bus: 2 s + 20 bytes at 2400 bps")
                .isEqualTo(Duration.ofMillis(2000).plus(Duration.ofNanos(20L * 11 * 1_000_000_000 / 2400)));
    }

    @Test
    void an_abnormal_answer_completes_without_retry() {
        CompletableFuture<ExchangeOutcome> request = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);

        bus.received(frame(METER, 0xD1, 0x02));

        assertThat(request.join()).isInstanceOfSatisfying(ExchangeOutcome.Refused.class,
                refused -> assertThat(refused.error().noRequestedData()).isTrue());
        assertThat(sent).hasSize(1);
    }

    @Test
    void a_dropped_connection_fails_the_request_in_flight_and_everything_queued_and_new_ones_at_once() {
        CompletableFuture<ExchangeOutcome> inFlight = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);
        CompletableFuture<ExchangeOutcome> queued = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_B)),
                Priority.OPERATOR);

        bus.disconnected("connection closed");
        CompletableFuture<ExchangeOutcome> afterwards = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_C)),
                Priority.OPERATOR);

        assertThat(List.of(inFlight.join(), queued.join(), afterwards.join()))
                .allSatisfy(outcome -> assertThat(outcome).isInstanceOf(ExchangeOutcome.LinkDown.class));
        timers.forEach(ManualTimer::fire);
        assertThat(sent).hasSize(1);
        assertThat(counters.linkDown()).isEqualTo(3);
        assertThat(counters.sent()).as("only the one in flight went out").isEqualTo(1);
        assertThat(counters.notSent()).as("the queued one and the one after the drop").isEqualTo(2);
    }

    @Test
    void a_request_while_the_link_is_down_counts_as_not_sent_and_not_as_sent() {
        bus.disconnected("connection closed");

        CompletableFuture<ExchangeOutcome> request = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);

        assertThat(request.join()).isInstanceOf(ExchangeOutcome.LinkDown.class);
        assertThat(counters.notSent()).isEqualTo(1);
        assertThat(counters.sent()).isZero();
        assertThat(counters.answers()).isZero();
        assertThat(counters.timeouts()).isZero();
    }

    @Test
    void answered_refused_and_timed_out_exchanges_are_counted_apart() {
        CompletableFuture<ExchangeOutcome> answered = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);
        bus.received(voltageAnswer(METER));
        CompletableFuture<ExchangeOutcome> refused = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_B)),
                Priority.CYCLE);
        bus.received(frame(METER, 0xD1, 0x02));

        assertThat(answered.join().answered()).isTrue();
        assertThat(refused.join()).isInstanceOf(ExchangeOutcome.Refused.class);
        assertThat(counters.sent()).isEqualTo(2);
        assertThat(counters.answers()).isEqualTo(1);
        assertThat(counters.refused()).isEqualTo(1);
        assertThat(counters.timeouts()).isZero();
        assertThat(counters.notSent()).isZero();
    }

    @Test
    void the_bus_holds_briefly_for_an_operators_next_request_before_serving_the_cycle() {
        bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)), Priority.OPERATOR);
        bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_B)), Priority.CYCLE);

        bus.received(voltageAnswer(METER));
        assertThat(sent).hasSize(1);
        bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_C)), Priority.OPERATOR);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo(read(METER, DataItem2007.VOLTAGE_C));
    }

    @Test
    void a_broadcast_is_sent_once_and_completes_after_its_settle_time_without_an_answer() {
        CompletableFuture<ExchangeOutcome> broadcast = bus.submit(BusRequest.broadcast(
                Dlt645Commands.broadcastTime(java.time.LocalDateTime.of(2024, 5, 17, 3, 0)), Duration.ofSeconds(1)),
                Priority.CYCLE);
        CompletableFuture<ExchangeOutcome> next = bus.submit(BusRequest.of(read(METER, DataItem2007.VOLTAGE_A)),
                Priority.CYCLE);
        assertThat(sent).hasSize(1);
        assertThat(timers.getLast().delay()).isGreaterThan(Duration.ofSeconds(1));

        timers.getLast().fire();

        assertThat(broadcast.join()).isInstanceOf(ExchangeOutcome.Sent.class);
        assertThat(next).isNotDone();
        assertThat(sent).as("the read goes out after the settle time, the broadcast is not repeated").hasSize(2);
        assertThat(counters.timeouts()).isZero();
        assertThat(counters.retries()).isZero();
    }

    @Test
    void a_probe_is_tried_once_with_its_own_timeout_and_not_counted_as_a_bus_timeout() {
        CompletableFuture<ExchangeOutcome> probe = bus.submit(BusRequest.probe(
                read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL), Duration.ofMillis(300)), Priority.CYCLE);
        assertThat(timers.getLast().delay()).isLessThan(Duration.ofMillis(500));

        timers.getLast().fire();

        assertThat(probe.join()).isEqualTo(new ExchangeOutcome.TimedOut(1));
        assertThat(sent).hasSize(1);
        assertThat(counters.timeouts()).isZero();
    }

    @Test
    void a_write_sent_once_is_never_repeated_after_a_timeout_but_counted_as_one() {
        Dlt645Frame write = Dlt645Commands.write(METER, MeterProfile.DHDSY_RECHARGE_ENERGY, Authorization.FACTORY_DEFAULT,
                new DataValue.Quantity(new BigDecimal("20.00"), MeasurementUnit.KILOWATT_HOUR));
        CompletableFuture<ExchangeOutcome> once = bus.submit(BusRequest.once(write), Priority.WRITE);

        timers.getLast().fire();

        assertThat(once.join()).isEqualTo(new ExchangeOutcome.TimedOut(1));
        assertThat(sent).containsExactly(write);
        assertThat(counters.timeouts()).isEqualTo(1);
        assertThat(counters.retries()).isZero();
        assertThat(timers.getLast().delay()).as("the port's answer timeout")
                .isGreaterThan(Duration.ofSeconds(2));
    }
}
