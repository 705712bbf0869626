package io.jichao.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.DeviceInventory;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.RelayReadBack;
import io.jichao.testing.JichaoSpringTest;

/**
 * The alarm table goes away (renamed, so every alarm write fails inside the real MariaDB) while a
 * simulated meter's power jumps; when it is back, the jump is still raised: the rules neither move
 * their "previous read" past a failed write nor drop the result.
 */
@JichaoSpringTest
class AlarmWriteOutageIT {

    private static final Set<ReadingItem> POWER = Set.of(ReadingItem.ACTIVE_POWER);

    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private CollectionEngine engine;
    @Autowired
    private MeterReadEvents readEvents;
    @Autowired
    private MeterAlarmRules rules;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ApplicationEventPublisher events;

    private AlarmSimulation simulation;
    private boolean offline;

    @AfterEach
    void restore() {
        if (offline) {
            back();
        }
        if (simulation != null) {
            simulation.close();
        }
    }

    @Test
    void a_power_jump_read_while_the_alarm_table_is_away_is_raised_when_it_returns() {
        long meterId = steadyMeter();

        away();
        simulation.meter(0).overrideLoad(new BigDecimal("4.5"));
        simulation.cycle(POWER);
        assertThat(rules.unjudgedCount()).as("the failed read waits").isEqualTo(1);
        back();
        rules.retryNow();

        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.POWER_JUMP);
        assertThat(detail(meterId)).contains("→ 4.5");
        assertThat(rules.unjudgedCount()).isZero();
    }

    @Test
    void the_next_read_after_the_outage_judges_the_failed_one_first() {
        long meterId = steadyMeter();

        away();
        simulation.meter(0).overrideLoad(new BigDecimal("4.5"));
        simulation.cycle(POWER);
        back();
        simulation.cycle(POWER);

        List<String> jumps = jdbc.queryForList("SELECT detail FROM alarm WHERE meter_id = ? AND kind = ?",
                String.class, meterId, AlarmKind.POWER_JUMP.name());
        assertThat(jumps).as("raised by the read of the outage, cleared by the steady read after it")
                .singleElement().asString().contains("→ 4.5");
        assertThat(activeKinds(meterId)).isEmpty();
    }

    @Test
    void a_relay_mismatch_read_back_while_the_alarm_table_is_away_is_raised_when_it_returns() {
        long meterId = jdbc.queryForObject("SELECT MIN(id) FROM meter", Long.class);
        jdbc.update("DELETE FROM alarm WHERE meter_id = ?", meterId);
        rules.forget();

        away();
        events.publishEvent(new RelayReadBack(meterId, "TRIP", "OPERATOR", true, false, 3, Instant.now()));
        back();
        rules.retryNow();

        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.RELAY_MISMATCH);
        events.publishEvent(new RelayReadBack(meterId, "TRIP", "OPERATOR", true, true, 1, Instant.now()));
        assertThat(activeKinds(meterId)).isEmpty();
    }

    private long steadyMeter() {
        simulation = AlarmSimulation.start(inventory, engine, readEvents, rules, 1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        jdbc.update("DELETE FROM alarm WHERE meter_id = ?", meterId);
        jdbc.update("DELETE FROM alarm WHERE collector_id = ?", simulation.collector.id());
        rules.forget();
        simulation.cycle(POWER);
        assertThat(activeKinds(meterId)).isEmpty();
        return meterId;
    }

    private void away() {
        jdbc.execute("RENAME TABLE alarm TO alarm_offline");
        offline = true;
    }

    private void back() {
        jdbc.execute("RENAME TABLE alarm_offline TO alarm");
        offline = false;
    }

    private List<AlarmKind> activeKinds(long meterId) {
        return jdbc.queryForList("SELECT kind FROM alarm WHERE meter_id = ? AND active_key IS NOT NULL ORDER BY kind",
                String.class, meterId).stream().map(AlarmKind::valueOf).toList();
    }

    private String detail(long meterId) {
        return jdbc.queryForObject("SELECT detail FROM alarm WHERE active_key = ?", String.class,
                AlarmSubject.meter(meterId).activeKey(AlarmKind.POWER_JUMP));
    }
}
