package io.jichao.collection.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

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
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffService;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.RelayState;
import io.jichao.simulator.SimulationClock;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * Gentle cut-off end to end over TCP: a simulated prepaid meter running out of credit at night is
 * kept powered, and trips when friendly time starts (manual clock for meter and engine).
 */
@JichaoSpringTest
class GentleCutoffIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A Tuesday evening. */
    private static final LocalDateTime EVENING = LocalDateTime.of(2026, 12, 1, 22, 0);

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
    private FriendlyHoursService friendlyHours;

    private ControlBench bench;
    private ArchivedMeter meter;
    private SimulationClock.Manual simulated;
    private ControlTestSupport control;
    private GentleCutoff cutoff;

    @BeforeEach
    void start() {
        meter = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock).prepaidMeters(1)
                .getFirst();
        jdbc.update("update meter set alarm_level2_kwh = 5.00 where id = ?", meter.id());
        LoginSupport.loginAs(users, "super");
        friendlyHours.save(new FriendlyHours(FriendlyHours.parseWindows("08:00-17:00"), false, Set.of()));
        LoginSupport.logout();
        simulated = SimulationClock.manual(EVENING.atZone(SHANGHAI).toInstant());
        // Half a kilowatt-hour left at a steady 1 kW: the credit runs out at 22:30.
        bench = ControlBench.start(List.of(meter), simulated, config -> config.withRemainingKwh(new BigDecimal("0.5")));
        control = new ControlTestSupport(bench.engine(), jdbc, audit, transactions, bench.clock());
        cutoff = new GentleCutoff(bench.engine(), new GentleCutoffStore(jdbc),
                new GentleCutoffPolicy(bench.clock(), SHANGHAI), control.path, bench.clock());
        // What the last cycle stored for the meter.
        jdbc.update("insert into reading (meter_id, item, value, read_at, source) values (?, 'REMAINING_ENERGY', 0.5, ?, "
                + "'CYCLE')", meter.id(), Timestamp.from(simulated.now()));
    }

    @AfterEach
    void stop() {
        jdbc.update("delete from relay_hold where meter_id = ?", meter.id());
        bench.close();
    }

    @Test
    void a_meter_without_credit_at_night_keeps_power_and_trips_when_friendly_time_starts() {
        ElectricMeter onTheBus = bench.meter(meter);

        assertThat(cutoff.run()).isEqualTo(1);

        assertThat(onTheBus.statusWord(3) & 1 << 12).as("keep power").isNotZero();
        LoginSupport.loginAs(users, "super");
        assertThat(friendlyHours.holds()).filteredOn(held -> held.meterId() == meter.id()).singleElement()
                .satisfies(held -> {
                    assertThat(held.quiet()).isEqualTo(FriendlyHours.Quiet.OUTSIDE_HOURS);
                    assertThat(held.remainingKwh()).isEqualByComparingTo("0.5");
                    assertThat(held.thresholdKwh()).isEqualByComparingTo("5");
                });
        LoginSupport.logout();

        simulated.advance(Duration.ofHours(2));
        assertThat(onTheBus.remainingKwh()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(onTheBus.relayState()).as("powered at midnight without credit").isEqualTo(RelayState.CLOSED);
        assertThat(cutoff.run()).as("already held").isZero();

        simulated.advance(Duration.ofHours(7).plusMinutes(59));
        assertThat(cutoff.run()).as("07:59 is still quiet").isZero();
        assertThat(onTheBus.relayState()).isEqualTo(RelayState.CLOSED);
        simulated.advance(Duration.ofMinutes(1));

        assertThat(cutoff.run()).isEqualTo(1);

        assertThat(onTheBus.relayState()).isEqualTo(RelayState.OPEN_NO_CREDIT);
        assertThat(onTheBus.statusWord(3) & 1 << 12).isZero();
        assertThat(jdbc.queryForObject("select count(*) from relay_hold where meter_id = ?", Integer.class, meter.id()))
                .isZero();
        assertThat(control.readBacks).extracting(RelayReadBack::command).containsExactly("KEEP_POWER",
                "KEEP_POWER_RELEASE");
        assertThat(control.readBacks).allSatisfy(readBack -> {
            assertThat(readBack.matches()).isTrue();
            assertThat(readBack.reason()).isEqualTo("GENTLE_CUTOFF");
        });
        assertThat(control.readBacks.getLast().expectedOpen()).as("no credit: the release cuts").isTrue();
    }
}
