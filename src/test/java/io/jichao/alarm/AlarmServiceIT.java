package io.jichao.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.collection.RelayReadBack;
import io.jichao.shared.DomainException;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/**
 * The alarm lifecycle and its district on MariaDB with the demo park: building A's meter belongs
 * to the clerk's district (A, B), not to the maintainer's (C, D).
 */
@JichaoSpringTest
class AlarmServiceIT {

    private static final List<AlarmChanged> CHANGES = new CopyOnWriteArrayList<>();
    private static boolean listening;

    @Autowired
    private AlarmService alarms;
    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private ApplicationEventPublisher publisher;
    @Autowired
    private PlatformTransactionManager transactions;
    @Autowired
    private ConfigurableApplicationContext context;

    private long meterInA;
    private long meterInC;

    @BeforeEach
    void twoMetersWithoutAlarms() {
        if (!listening) {
            context.addApplicationListener(event -> {
                if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof AlarmChanged c) {
                    CHANGES.add(c);
                }
            });
            listening = true;
        }
        meterInA = meterOf("A");
        meterInC = meterOf("C");
        jdbc.update("DELETE FROM alarm WHERE meter_id IN (?, ?)", meterInA, meterInC);
        CHANGES.clear();
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void an_acknowledged_alarm_stays_active_until_its_condition_clears_and_then_is_history() {
        long id = recorder.raise(AlarmKind.LOW_REMAINING_1, AlarmSubject.meter(meterInA), "remaining 15 kWh").alarmId();
        LoginSupport.loginAs(users, "super");

        AlarmRow acknowledged = alarms.acknowledge(id);

        assertThat(acknowledged.state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(acknowledged.acknowledgedBy()).isEqualTo("super");
        assertThat(acknowledged.acknowledgedAt()).isNotNull();
        assertThat(alarms.activeSeverities(List.of(meterInA))).containsEntry(meterInA, Severity.ALARM);
        assertThat(audit.byAction("ALARM_ACKNOWLEDGE")).anySatisfy(e -> assertThat(e.getTarget()).isEqualTo("alarm:" + id));
        assertThat(recorder.raise(AlarmKind.LOW_REMAINING_1, AlarmSubject.meter(meterInA), "remaining 14 kWh").alarmId())
                .as("still the same alarm while its condition holds").isEqualTo(id);

        recorder.clear(AlarmKind.LOW_REMAINING_1, AlarmSubject.meter(meterInA));

        assertThat(alarms.list(AlarmFilter.active())).extracting(AlarmRow::id).doesNotContain(id);
        AlarmRow history = alarms.list(AlarmFilter.everything()).stream().filter(r -> r.id() == id).findFirst().orElseThrow();
        assertThat(history.state()).isEqualTo(AlarmState.CLEARED);
        assertThat(history.acknowledgedBy()).isEqualTo("super");
        assertThat(history.occurrences()).isEqualTo(2);
        assertThat(alarms.activeSeverities(List.of(meterInA))).containsEntry(meterInA, Severity.NORMAL);
        assertThat(CHANGES).extracting(AlarmChanged::state)
                .containsExactly(AlarmState.RAISED, AlarmState.ACKNOWLEDGED, AlarmState.CLEARED);
        assertThat(catchThrowableOfType(DomainException.class, () -> alarms.acknowledge(id)).messageKey())
                .isEqualTo("error.alarm.already.cleared");
    }

    @Test
    void a_cleared_condition_that_comes_back_is_a_new_alarm() {
        long first = recorder.raise(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterInA), "90 s").alarmId();
        recorder.clear(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterInA));

        long second = recorder.raise(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterInA), "95 s").alarmId();

        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alarm WHERE meter_id = ? AND kind = 'CLOCK_DRIFT'",
                Integer.class, meterInA)).isEqualTo(2);
    }

    @Test
    void an_alarm_outside_the_district_is_neither_listed_nor_acknowledged() {
        long inA = recorder.raise(AlarmKind.VOLTAGE_OUT_OF_RANGE, AlarmSubject.meter(meterInA), "A 180 V").alarmId();
        long inC = recorder.raise(AlarmKind.VOLTAGE_OUT_OF_RANGE, AlarmSubject.meter(meterInC), "A 260 V").alarmId();
        LoginSupport.loginAs(users, "maint");

        assertThat(alarms.list(AlarmFilter.active())).extracting(AlarmRow::id).contains(inC).doesNotContain(inA);
        assertThat(catchThrowableOfType(DomainException.class, () -> alarms.acknowledge(inA)).messageKey())
                .isEqualTo("error.alarm.not.found");
        assertThat(alarms.activeSeverities(List.of(meterInA, meterInC))).containsOnlyKeys(meterInC);
        assertThat(alarms.acknowledge(inC).acknowledgedBy()).isEqualTo("maint");
        assertThat(jdbc.queryForObject("SELECT state FROM alarm WHERE id = ?", String.class, inA)).isEqualTo("RAISED");
    }

    @Test
    void a_clerk_sees_the_alarms_of_the_district_but_may_not_acknowledge_them() {
        long inA = recorder.raise(AlarmKind.ZERO_REMAINING, AlarmSubject.meter(meterInA), "remaining 0 kWh").alarmId();
        LoginSupport.loginAs(users, "clerk");

        assertThat(alarms.list(AlarmFilter.active())).extracting(AlarmRow::id).contains(inA);
        assertThat(catchThrowableOfType(DomainException.class, () -> alarms.acknowledge(inA)).messageKey())
                .isEqualTo("error.permission.denied");
    }

    @Test
    void acknowledging_several_acknowledges_the_raised_ones_and_skips_the_cleared() {
        long raised = recorder.raise(AlarmKind.POWER_JUMP, AlarmSubject.meter(meterInC), "1 → 5 kW").alarmId();
        long cleared = recorder.raise(AlarmKind.REVERSE_ENERGY, AlarmSubject.meter(meterInC), "0 → 1 kWh").alarmId();
        recorder.clear(AlarmKind.REVERSE_ENERGY, AlarmSubject.meter(meterInC));
        LoginSupport.loginAs(users, "maint");

        assertThat(alarms.acknowledgeAll(List.of(raised, cleared))).isEqualTo(1);

        assertThat(alarms.get(raised).state()).isEqualTo(AlarmState.ACKNOWLEDGED);
        assertThat(alarms.get(cleared).state()).isEqualTo(AlarmState.CLEARED);
    }

    @Test
    void the_list_filters_by_kind_severity_state_building_and_time() {
        long low = recorder.raise(AlarmKind.LOW_REMAINING_2, AlarmSubject.meter(meterInA), "5 kWh").alarmId();
        long fault = recorder.raise(AlarmKind.METER_COMM_FAILURE, AlarmSubject.meter(meterInC), "3 timeouts").alarmId();
        LoginSupport.loginAs(users, "super");
        long buildingC = jdbc.queryForObject("SELECT building_id FROM meter WHERE id = ?", Long.class, meterInC);
        Instant now = Instant.now();

        assertThat(ids(new AlarmFilter(null, AlarmKind.LOW_REMAINING_2, null, null, null, null, false))).contains(low)
                .doesNotContain(fault);
        assertThat(ids(new AlarmFilter(null, null, Severity.FAULT, null, null, null, false))).contains(fault)
                .doesNotContain(low);
        assertThat(ids(new AlarmFilter(null, null, null, buildingC, null, null, false))).contains(fault)
                .doesNotContain(low);
        assertThat(ids(new AlarmFilter(AlarmState.ACKNOWLEDGED, null, null, null, null, null, false)))
                .doesNotContain(low, fault);
        assertThat(ids(new AlarmFilter(null, null, null, null, now.minusSeconds(60), now.plusSeconds(60), false)))
                .contains(low, fault);
        assertThat(ids(new AlarmFilter(null, null, null, null, now.plusSeconds(60), null, false)))
                .doesNotContain(low, fault);
        AlarmRow row = alarms.get(fault);
        assertThat(row.severity()).isEqualTo(Severity.FAULT);
        assertThat(row.meterAddress()).isNotBlank();
        assertThat(row.buildingId()).isEqualTo(buildingC);
    }

    @Test
    void changes_are_published_only_after_the_commit() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> {
            recorder.raise(AlarmKind.CLOCK_DRIFT, AlarmSubject.meter(meterInC), "120 s");
            assertThat(CHANGES).as("nothing before the commit").isEmpty();
        });

        assertThat(CHANGES).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo("CLOCK_DRIFT");
            assertThat(change.meterId()).isEqualTo(meterInC);
            assertThat(change.severity()).isEqualTo(Severity.ALARM);
        });
    }

    @Test
    void a_relay_read_back_that_does_not_match_is_a_fault_until_one_matches() {
        publisher.publishEvent(new RelayReadBack(meterInC, "TRIP", "OPERATOR", true, false, 3, Instant.now()));

        Map<AlarmKind, String> active = active(meterInC);
        assertThat(active).containsOnlyKeys(AlarmKind.RELAY_MISMATCH);
        assertThat(jdbc.queryForObject("SELECT severity FROM alarm WHERE meter_id = ? AND active_key IS NOT NULL",
                String.class, meterInC)).isEqualTo("FAULT");

        publisher.publishEvent(new RelayReadBack(meterInC, "TRIP", "OPERATOR", true, true, 1, Instant.now()));

        assertThat(active(meterInC)).isEmpty();
    }

    private List<Long> ids(AlarmFilter filter) {
        return alarms.list(filter).stream().map(AlarmRow::id).toList();
    }

    private Map<AlarmKind, String> active(long meterId) {
        Map<AlarmKind, String> found = new java.util.HashMap<>();
        jdbc.query("SELECT kind, detail FROM alarm WHERE meter_id = ? AND active_key IS NOT NULL",
                row -> {
                    found.put(AlarmKind.valueOf(row.getString(1)), row.getString(2));
                }, meterId);
        return found;
    }

    private long meterOf(String buildingCode) {
        return jdbc.queryForObject("""
                SELECT MIN(m.id) FROM meter m JOIN building b ON b.id = m.building_id
                WHERE b.code = ? AND m.state = 'ACTIVE'""", Long.class, buildingCode);
    }
}
