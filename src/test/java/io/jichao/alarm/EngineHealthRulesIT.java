package io.jichao.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.DeviceInventory;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.EngineStatus;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.ReadingItem;
import io.jichao.testing.JichaoSpringTest;

/**
 * Port and collector communication alarms from the engine's own health, with a demo collector
 * simulated over real TCP: a shorted bus (connected, nobody answers) and a rebooting collector
 * (connections dropped, then back). The rules run without grace here; the bean's default grace
 * is checked on its own.
 */
@JichaoSpringTest
class EngineHealthRulesIT {

    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private CollectionEngine engine;
    @Autowired
    private MeterReadEvents readEvents;
    @Autowired
    private MeterAlarmRules meterRules;
    @Autowired
    private EngineHealthRules withDefaultGrace;
    @Autowired
    private AlarmRecorder recorder;
    @Autowired
    private JdbcTemplate jdbc;

    private AlarmSimulation simulation;
    private EngineHealthRules rules;
    private long portId;

    @BeforeEach
    void simulate() {
        simulation = AlarmSimulation.start(inventory, engine, readEvents, meterRules, 1, UnaryOperator.identity());
        jdbc.update("DELETE FROM alarm WHERE collector_id = ? OR meter_id = ?", simulation.collector.id(),
                simulation.meterId(0));
        meterRules.forget();
        rules = new EngineHealthRules(engine, recorder, new AlarmProperties(true, new BigDecimal("20"),
                new BigDecimal("10"), new BigDecimal("3"), new BigDecimal("198"), new BigDecimal("242"), 3,
                Duration.ZERO, Duration.ofSeconds(30)), jdbc);
        portId = jdbc.queryForObject("SELECT id FROM serial_port WHERE collector_id = ? AND port_number = ?",
                Long.class, simulation.collector.id(), simulation.port.portNumber());
    }

    @AfterEach
    void stop() {
        simulation.close();
    }

    @Test
    void a_shorted_bus_is_a_port_failure_after_its_cycle_and_clears_after_a_good_cycle() {
        simulation.simulator.faults().shortPort(AlarmSimulation.COLLECTOR, simulation.port.portNumber());
        simulation.cycle(Set.of(ReadingItem.ACTIVE_ENERGY));

        rules.check();
        assertThat(activeKinds()).containsExactly(AlarmKind.PORT_COMM_FAILURE);
        assertThat(jdbc.queryForObject("SELECT collector_id FROM alarm WHERE serial_port_id = ? AND active_key IS NOT NULL",
                Long.class, portId)).isEqualTo(simulation.collector.id());

        simulation.simulator.faults().repairPort(AlarmSimulation.COLLECTOR, simulation.port.portNumber());
        simulation.cycle(Set.of(ReadingItem.ACTIVE_ENERGY));
        rules.check();
        assertThat(activeKinds()).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM alarm WHERE serial_port_id = ? AND state = 'CLEARED'",
                Integer.class, portId)).isEqualTo(1);
    }

    @Test
    void a_collector_without_connection_is_offline_until_it_is_back() {
        simulation.simulator.collector(AlarmSimulation.COLLECTOR).reboot(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> !online());

        rules.check();
        assertThat(activeKinds()).as("the collector's alarm, not one per port").containsExactly(AlarmKind.COLLECTOR_OFFLINE);

        await().atMost(Duration.ofSeconds(20)).until(this::online);
        rules.check();
        assertThat(activeKinds()).isEmpty();
    }

    @Test
    void a_collector_that_just_lost_its_connection_waits_for_the_grace_time() {
        simulation.simulator.collector(AlarmSimulation.COLLECTOR).reboot(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> !online());

        withDefaultGrace.check();

        assertThat(activeKinds()).isEmpty();
    }

    private boolean online() {
        return engine.status().collectors().stream().allMatch(EngineStatus.CollectorStatus::online);
    }

    private List<AlarmKind> activeKinds() {
        return jdbc.queryForList("SELECT kind FROM alarm WHERE collector_id = ? AND active_key IS NOT NULL ORDER BY kind",
                String.class, simulation.collector.id()).stream().map(AlarmKind::valueOf).toList();
    }
}
