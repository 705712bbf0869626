package io.jichao.collection.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.MeterAddress;

/** Draining a bus before its connection goes (reconnect, changed settings, removal). */
class BusLinkDrainTest {

    private static final MeterAddress METER = MeterAddress.of("123456789012");

    private final List<Object> sent = new ArrayList<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final PortCounters counters = new PortCounters();
    private final AtomicInteger closed = new AtomicInteger();
    private BusLink bus;

    @BeforeEach
    void connect() {
        bus = new BusLink(new LinkSettings(Duration.ofSeconds(2), 1, Duration.ZERO, 2400, 11), (delay, task) -> {
            boolean[] cancelled = new boolean[1];
            timers.add(() -> {
                if (!cancelled[0]) {
                    task.run();
                }
            });
            return () -> cancelled[0] = true;
        }, Runnable::run, counters);
        bus.connected(sent::add);
    }

    private CompletableFuture<ExchangeOutcome> submit(DataItem2007 item) {
        return bus.submit(BusRequest.of(Dlt645Commands.read(METER, item)), Priority.CYCLE);
    }

    /** V3 of the reference: voltage A of 123456789012 = 220.1 V. */
    private static Dlt645Frame voltageAnswer() {
        return Dlt645Frame.of(METER, 0x91, new byte[] {0x00, 0x01, 0x01, 0x02, 0x01, 0x22});
    }

    @Test
    void the_exchange_in_flight_is_answered_before_the_connection_is_closed() {
        CompletableFuture<ExchangeOutcome> inFlight = submit(DataItem2007.VOLTAGE_A);
        CompletableFuture<ExchangeOutcome> queued = submit(DataItem2007.VOLTAGE_B);

        bus.drain("settings changed", closed::incrementAndGet);

        assertThat(queued.join()).isInstanceOfSatisfying(ExchangeOutcome.LinkDown.class,
                down -> assertThat(down.reason()).isEqualTo("settings changed"));
        assertThat(closed).hasValue(0);
        bus.received(voltageAnswer());
        assertThat(inFlight.join()).isInstanceOf(ExchangeOutcome.Answered.class);
        assertThat(closed).hasValue(1);
        assertThat(sent).hasSize(1);
    }

    @Test
    void requests_during_a_drain_fail_as_link_down_without_reaching_the_bus() {
        submit(DataItem2007.VOLTAGE_A);
        bus.drain("removed", closed::incrementAndGet);

        assertThat(submit(DataItem2007.VOLTAGE_C).join()).isInstanceOf(ExchangeOutcome.LinkDown.class);
        assertThat(sent).hasSize(1);
        assertThat(counters.linkDown()).isEqualTo(1);
    }

    @Test
    void a_silent_meter_in_flight_ends_with_its_timeouts_and_then_the_connection_closes() {
        CompletableFuture<ExchangeOutcome> inFlight = submit(DataItem2007.VOLTAGE_A);
        bus.drain("reconnect", closed::incrementAndGet);

        timers.removeFirst().run();
        assertThat(closed).hasValue(0);
        timers.removeFirst().run();

        assertThat(inFlight.join()).isInstanceOf(ExchangeOutcome.TimedOut.class);
        assertThat(closed).hasValue(1);
    }

    @Test
    void an_idle_bus_closes_at_once_and_a_new_connection_ends_the_drain() {
        bus.drain("reconnect", closed::incrementAndGet);
        assertThat(closed).hasValue(1);

        bus.disconnected("connection closed");
        bus.connected(sent::add);
        submit(DataItem2007.VOLTAGE_A);

        assertThat(sent).hasSize(1);
    }
}
