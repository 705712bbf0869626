package io.jichao.collection.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.ControlBench;
import io.jichao.collection.RechargeDeliveryFixtures;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.collection.RelayReadBack;
import io.jichao.collection.link.Priority;
import io.jichao.collection.control.RelayOutcome.Verdict;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.simulator.RelayState;
import io.jichao.simulator.SimulationClock;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Relay commands to simulated meters over TCP, verified by status word 3, on MariaDB. */
@JichaoSpringTest
class RelayCommandIT {

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private RelayControlService relays;

    private ControlBench bench;
    private ArchivedMeter meter;
    private ControlTestSupport control;

    @BeforeEach
    void start() {
        meter = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock).prepaidMeters(1)
                .getFirst();
        bench = ControlBench.start(List.of(meter), SimulationClock.manual(clock.instant()), config -> config);
        control = new ControlTestSupport(bench.engine(), jdbc, audit, transactions, bench.clock());
    }

    @AfterEach
    void stop() {
        bench.close();
    }

    @Test
    void a_trip_and_a_close_are_verified_by_reading_the_relay_state_back() {
        RelayOutcome tripped = control.path.send(meter.id(), RelayCommand.TRIP, RelayReason.OPERATOR, "maint",
                Priority.OPERATOR).orElseThrow();

        assertThat(tripped.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(tripped.observedOpen()).isTrue();
        assertThat(tripped.attempts()).isEqualTo(1);
        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.OPEN_BY_COMMAND);

        RelayOutcome closed = control.path.send(meter.id(), RelayCommand.CLOSE, RelayReason.OPERATOR, "maint",
                Priority.OPERATOR).orElseThrow();

        assertThat(closed.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(closed.observedOpen()).isFalse();
        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(control.readBacks).extracting(RelayReadBack::command, RelayReadBack::matches)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("TRIP", true),
                        org.assertj.core.groups.Tuple.tuple("CLOSE", true));
        List<RelayCommandRecord> stored = new RelayCommandStore(jdbc).recent(meter.id(), 5);
        assertThat(stored).extracting(RelayCommandRecord::command, RelayCommandRecord::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RelayCommand.CLOSE, Verdict.VERIFIED),
                        org.assertj.core.groups.Tuple.tuple(RelayCommand.TRIP, Verdict.VERIFIED));
        assertThat(audit.byAction("RELAY_TRIP")).anySatisfy(event ->
                assertThat(event.getTarget()).isEqualTo(meter.address()));
    }

    @Test
    void a_meter_whose_relay_does_not_move_is_retried_and_published_as_a_mismatch() {
        bench.simulator().faults().relayStuck("R", 1, meter.address(), true);

        RelayOutcome outcome = control.path.send(meter.id(), RelayCommand.TRIP, RelayReason.OPERATOR, "maint",
                Priority.OPERATOR).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.MISMATCH);
        assertThat(outcome.attempts()).as("sent once and retried twice").isEqualTo(3);
        assertThat(outcome.detail()).contains("attempt 3: acknowledged, read-back relay closed");
        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.CLOSED);
        assertThat(control.readBacks).singleElement().satisfies(readBack -> {
            assertThat(readBack.meterId()).isEqualTo(meter.id());
            assertThat(readBack.matches()).isFalse();
            assertThat(readBack.expectedOpen()).isTrue();
            assertThat(readBack.observedOpen()).isFalse();
            assertThat(readBack.attempts()).isEqualTo(3);
            assertThat(readBack.reason()).isEqualTo("OPERATOR");
        });
        assertThat(new RelayCommandStore(jdbc).recent(meter.id(), 1)).singleElement()
                .extracting(RelayCommandRecord::outcome).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void an_operator_needs_device_control_and_the_meter_in_the_district() {
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> relays.command(meter.id(), RelayCommand.TRIP)).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.permission.denied");
        LoginSupport.loginAs(users, "maint");
        assertThatThrownBy(() -> relays.command(meter.id(), RelayCommand.TRIP)).as("building A is not his")
                .isInstanceOf(DomainException.class);
        LoginSupport.logout();
        assertThat(bench.meter(meter).relayState()).isEqualTo(RelayState.CLOSED);
    }

    @Test
    void a_meter_that_does_not_answer_is_published_as_unread() {
        bench.simulator().faults().meterOffline("R", 1, meter.address(), true);

        RelayOutcome outcome = control.path.send(meter.id(), RelayCommand.TRIP, RelayReason.OPERATOR, "maint",
                Priority.OPERATOR).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.UNREACHABLE);
        assertThat(control.readBacks).singleElement().satisfies(readBack -> {
            assertThat(readBack.matches()).isFalse();
            assertThat(readBack.observedOpen()).isNull();
        });
    }
}
