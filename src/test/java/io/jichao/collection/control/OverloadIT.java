package io.jichao.collection.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.ControlBench;
import io.jichao.collection.RechargeDeliveryFixtures;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.shared.DomainException;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.SimulationClock;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Overload parameters set by an operator, written to a simulated meter over TCP and read back. */
@JichaoSpringTest
class OverloadIT {

    private static final BigDecimal MAX = new BigDecimal("8.5");
    private static final BigDecimal SUDDEN = new BigDecimal("3.2");

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
    private OverloadService overloads;

    private ControlBench bench;
    private ArchivedMeter meter;
    private SimulationClock.Manual simulated;
    private OverloadWriter writer;

    @BeforeEach
    void start() {
        meter = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock).prepaidMeters(1)
                .getFirst();
        // Ahead of the application clock, so what an operator sets now is due for the engine.
        simulated = SimulationClock.manual(clock.instant().plusSeconds(60));
        bench = ControlBench.start(List.of(meter), simulated, config -> config);
        writer = new OverloadWriter(bench.engine(), new OverloadStore(jdbc),
                ControlConfiguration.profile(ControlTestSupport.FAST), ControlTestSupport.FAST, audit,
                new TransactionTemplate(transactions), bench.clock());
    }

    @AfterEach
    void stop() {
        LoginSupport.logout();
        bench.close();
    }

    private OverloadSetting setting() {
        LoginSupport.loginAs(users, "super");
        return overloads.of(meter.id()).orElseThrow();
    }

    private void setAsSuper() {
        LoginSupport.loginAs(users, "super");
        assertThat(overloads.set(List.of(meter.id()), MAX, SUDDEN)).isEqualTo(1);
        LoginSupport.logout();
    }

    @Test
    void overload_parameters_are_written_and_verified_by_reading_them_back() {
        setAsSuper();
        assertThat(setting().state()).isEqualTo(OverloadState.PENDING);

        assertThat(writer.writeDue()).isEqualTo(1);

        ElectricMeter onTheBus = bench.meter(meter);
        assertThat(onTheBus.maxPowerKw()).isEqualByComparingTo(MAX);
        assertThat(onTheBus.suddenPowerKw()).isEqualByComparingTo(SUDDEN);
        OverloadSetting verified = setting();
        assertThat(verified.state()).isEqualTo(OverloadState.VERIFIED);
        assertThat(verified.verifiedMaxPowerKw()).isEqualByComparingTo(MAX);
        assertThat(verified.verifiedSuddenPowerKw()).isEqualByComparingTo(SUDDEN);
        assertThat(verified.writtenMaxPowerKw()).isEqualByComparingTo(MAX);
        assertThat(verified.attempts()).isEqualTo(1);
        assertThat(audit.byAction("OVERLOAD_VERIFIED")).anySatisfy(event ->
                assertThat(event.getTarget()).isEqualTo(meter.address()));
        assertThat(audit.byAction("OVERLOAD_SET")).anySatisfy(event ->
                assertThat(event.getOperatorUsername()).isEqualTo("super"));
    }

    @Test
    void a_meter_that_does_not_answer_is_retried_after_the_back_off_and_then_verified() {
        setAsSuper();
        bench.simulator().faults().meterOffline("R", 1, meter.address(), true);

        assertThat(writer.writeDue()).isZero();
        OverloadSetting waiting = setting();
        assertThat(waiting.state()).isEqualTo(OverloadState.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.lastError()).contains("not answered");
        assertThat(writer.writeDue()).as("not before the back-off").isZero();
        assertThat(setting().attempts()).isEqualTo(1);

        bench.simulator().faults().meterOffline("R", 1, meter.address(), false);
        simulated.advance(Duration.ofMinutes(1));

        assertThat(writer.writeDue()).isEqualTo(1);
        assertThat(setting().state()).isEqualTo(OverloadState.VERIFIED);
        assertThat(setting().attempts()).isEqualTo(2);
        assertThat(bench.meter(meter).maxPowerKw()).isEqualByComparingTo(MAX);
    }

    @Test
    void a_meter_that_never_answers_is_failed_after_the_last_attempt() {
        setAsSuper();
        bench.simulator().faults().meterOffline("R", 1, meter.address(), true);

        for (int attempt = 0; attempt < ControlTestSupport.FAST.overload().maxAttempts(); attempt++) {
            writer.writeDue();
            simulated.advance(Duration.ofMinutes(10));
        }

        assertThat(setting().state()).isEqualTo(OverloadState.FAILED);
        assertThat(setting().attempts()).isEqualTo(3);
        assertThat(audit.byAction("OVERLOAD_FAILED")).anySatisfy(event ->
                assertThat(event.getTarget()).isEqualTo(meter.address()));
    }

    @Test
    void a_clerk_may_not_set_overload_parameters_and_a_maintainer_only_in_his_buildings() {
        LoginSupport.loginAs(users, "super");
        long buildingA = structure.buildings().stream().filter(b -> b.code().equals("A")).findFirst().orElseThrow()
                .id();
        LoginSupport.loginAs(users, "clerk");
        assertThatThrownBy(() -> overloads.set(List.of(meter.id()), MAX, SUDDEN)).isInstanceOf(DomainException.class);
        LoginSupport.loginAs(users, "maint");
        assertThatThrownBy(() -> overloads.setBuilding(buildingA, MAX, SUDDEN)).isInstanceOf(DomainException.class)
                .hasMessageContaining("error.control.building.district");
        assertThatThrownBy(() -> overloads.set(List.of(meter.id()), new BigDecimal("120"), SUDDEN))
                .isInstanceOf(DomainException.class);
    }
}
