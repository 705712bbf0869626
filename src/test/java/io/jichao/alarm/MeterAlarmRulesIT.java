package io.jichao.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.BillingMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.ReadingItem;
import io.jichao.simulator.MeterConfig;
import io.jichao.testing.JichaoSpringTest;

/**
 * Each rule family on real demo meters simulated over real TCP: the engine reads them in cycles,
 * the results go through {@link MeterReadEvents} like the cycle job's, and the rules raise and
 * clear alarms in the {@code alarm} table. Every test starts with no alarm on its meters.
 */
@JichaoSpringTest
class MeterAlarmRulesIT {

    private static final Set<ReadingItem> CREDIT = Set.of(ReadingItem.REMAINING_ENERGY, ReadingItem.RELAY_STATUS);

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

    private AlarmSimulation simulation;
    private List<Object[]> demoLevels = List.of();

    @AfterEach
    void stop() {
        if (simulation != null) {
            simulation.close();
        }
        demoLevels.forEach(levels -> jdbc.update("UPDATE meter SET alarm_level1_kwh = ?, alarm_level2_kwh = ? WHERE id = ?",
                levels[1], levels[2], levels[0]));
    }

    @Test
    void remaining_energy_raises_level_1_then_level_2_then_zero_and_a_recharge_clears_them() {
        simulate(1, meter -> meter.withRemainingKwh(new BigDecimal("25")));
        long meterId = simulation.meterId(0);
        jdbc.update("UPDATE meter SET alarm_level1_kwh = 30, alarm_level2_kwh = 15 WHERE id = ?", meterId);
        simulation.cycle(CREDIT);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.LOW_REMAINING_1);

        simulation.advance(Duration.ofHours(11));
        simulation.cycle(CREDIT);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.LOW_REMAINING_2);
        assertThat(history(meterId, AlarmKind.LOW_REMAINING_1)).as("level 1 is history").hasSize(1);

        simulation.advance(Duration.ofHours(15));
        simulation.cycle(CREDIT);
        assertThat(activeKinds(meterId)).containsExactlyInAnyOrder(AlarmKind.ZERO_REMAINING, AlarmKind.RELAY_OPEN);
        assertThat(detail(meterId, AlarmKind.RELAY_OPEN)).contains("no credit");

        simulation.meter(0).recharge(new BigDecimal("100"));
        simulation.cycle(CREDIT);
        assertThat(activeKinds(meterId)).isEmpty();
        assertThat(history(meterId, AlarmKind.ZERO_REMAINING)).hasSize(1);
        assertThat(history(meterId, AlarmKind.RELAY_OPEN)).hasSize(1);
    }

    @Test
    void without_own_levels_a_meter_uses_the_default_levels() {
        simulate(1, meter -> meter.withRemainingKwh(new BigDecimal("12")));

        simulation.cycle(CREDIT);

        assertThat(activeKinds(simulation.meterId(0))).as("default level 1 is 20 kWh, level 2 10 kWh")
                .containsExactly(AlarmKind.LOW_REMAINING_1);
    }

    @Test
    void a_post_paid_meter_raises_no_credit_alarms() {
        simulation = AlarmSimulation.start(inventory, engine, readEvents, rules, 1, BillingMode.POSTPAID,
                meter -> meter.withRemainingKwh(BigDecimal.ZERO));
        jdbc.update("DELETE FROM alarm WHERE meter_id = ?", simulation.meterId(0));
        rules.forget();

        simulation.cycle(Set.of(ReadingItem.REMAINING_ENERGY));

        assertThat(activeKinds(simulation.meterId(0))).isEmpty();
    }

    @Test
    void the_simulators_overload_trip_and_restore_show_up_within_one_cycle_each() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        Set<ReadingItem> energySchedule = Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REVERSE_ENERGY,
                ReadingItem.REMAINING_ENERGY, ReadingItem.RELAY_STATUS);
        simulation.cycle(energySchedule);
        assertThat(activeKinds(meterId)).isEmpty();

        simulation.meter(0).overrideLoad(new BigDecimal("6"));
        simulation.advance(Duration.ofSeconds(3));
        simulation.cycle(energySchedule);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.OVERLOAD_TRIP);

        simulation.meter(0).clearLoadOverride();
        simulation.advance(Duration.ofMinutes(3).plusSeconds(5));
        simulation.cycle(energySchedule);
        assertThat(activeKinds(meterId)).isEmpty();
        List<Instant[]> trips = jdbc.query("SELECT raised_at, cleared_at FROM alarm WHERE meter_id = ? AND kind = ?",
                (row, n) -> new Instant[] {row.getTimestamp(1).toInstant(), row.getTimestamp(2).toInstant()},
                meterId, AlarmKind.OVERLOAD_TRIP.name());
        assertThat(trips).as("trip and restore are one alarm in the history").hasSize(1);
        assertThat(trips.getFirst()[1]).isAfterOrEqualTo(trips.getFirst()[0]);
    }

    /** The seeded 15-minute energy schedule since Liquibase 0024. */
    private static final Set<ReadingItem> ENERGY_SCHEDULE = Set.of(ReadingItem.ACTIVE_ENERGY,
            ReadingItem.REVERSE_ENERGY, ReadingItem.REMAINING_ENERGY, ReadingItem.METER_TIME,
            ReadingItem.RELAY_STATUS, ReadingItem.OVERLOAD_TRIP_COUNT);

    @Test
    void a_trip_that_starts_and_restores_between_two_cycles_is_a_cleared_overload_alarm_after_the_next_cycle() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        simulation.cycle(ENERGY_SCHEDULE);

        simulation.meter(0).overrideLoad(new BigDecimal("6"));
        simulation.advance(Duration.ofSeconds(3));
        simulation.meter(0).clearLoadOverride();
        simulation.advance(Duration.ofMinutes(3).plusSeconds(5));
        assertThat(simulation.meter(0).overloadTripCount()).isEqualTo(1);
        simulation.cycle(ENERGY_SCHEDULE);

        List<Object[]> trips = trips(meterId, AlarmKind.OVERLOAD_TRIP);
        assertThat(trips).as("one alarm for the one trip").hasSize(1);
        assertThat(trips.getFirst()[0]).isEqualTo("CLEARED");
        assertThat(Duration.between((Instant) trips.getFirst()[1], (Instant) trips.getFirst()[2]))
                .as("raised at the trip, cleared at the restore").isEqualTo(Duration.ofMinutes(3));
        assertThat((Instant) trips.getFirst()[2]).isBefore(Instant.now());
        assertThat(trips.getFirst()[3].toString()).contains("maximum power");
        assertThat(activeKinds(meterId)).doesNotContain(AlarmKind.OVERLOAD_TRIP);

        simulation.cycle(ENERGY_SCHEDULE);
        assertThat(trips(meterId, AlarmKind.OVERLOAD_TRIP)).as("count unchanged: nothing new").hasSize(1);
    }

    @Test
    void a_trip_in_progress_at_a_cycle_is_one_alarm_cleared_by_the_cycle_after_the_restore() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        simulation.cycle(ENERGY_SCHEDULE);

        simulation.meter(0).overrideLoad(new BigDecimal("6"));
        simulation.advance(Duration.ofSeconds(3));
        simulation.cycle(ENERGY_SCHEDULE);
        assertThat(activeKinds(meterId)).contains(AlarmKind.OVERLOAD_TRIP);
        assertThat(jdbc.queryForObject("SELECT occurrences FROM alarm WHERE active_key = ?", Integer.class,
                AlarmSubject.meter(meterId).activeKey(AlarmKind.OVERLOAD_TRIP)))
                .as("status word and trip record are one occurrence").isEqualTo(1);

        simulation.meter(0).clearLoadOverride();
        simulation.advance(Duration.ofMinutes(3).plusSeconds(5));
        simulation.cycle(ENERGY_SCHEDULE);

        assertThat(activeKinds(meterId)).doesNotContain(AlarmKind.OVERLOAD_TRIP);
        List<Object[]> trips = trips(meterId, AlarmKind.OVERLOAD_TRIP);
        assertThat(trips).hasSize(1);
        assertThat(trips.getFirst()[0]).isEqualTo("CLEARED");
        // The simulated clock jumped 3 minutes between the two reads while the engine's did not, so
        // only the order of raise and clear can be checked here (the first test checks the times).
        assertThat((Instant) trips.getFirst()[2]).isAfterOrEqualTo((Instant) trips.getFirst()[1]);
    }

    @Test
    void a_sudden_power_trip_between_two_cycles_is_a_cleared_power_jump() {
        simulate(1, config -> config.withOverload(new BigDecimal("30"), new BigDecimal("3")));
        long meterId = simulation.meterId(0);
        simulation.cycle(ENERGY_SCHEDULE);

        simulation.meter(0).overrideLoad(new BigDecimal("6"));
        simulation.advance(Duration.ofSeconds(3));
        simulation.meter(0).clearLoadOverride();
        simulation.advance(Duration.ofMinutes(3).plusSeconds(5));
        simulation.cycle(ENERGY_SCHEDULE);

        assertThat(trips(meterId, AlarmKind.OVERLOAD_TRIP)).isEmpty();
        List<Object[]> jumps = trips(meterId, AlarmKind.POWER_JUMP);
        assertThat(jumps).hasSize(1);
        assertThat(jumps.getFirst()[0]).isEqualTo("CLEARED");
        assertThat(jumps.getFirst()[3].toString()).contains("sudden power");
    }

    @Test
    void the_first_read_of_a_meter_that_tripped_before_raises_nothing_from_its_trip_count() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        simulation.meter(0).overrideLoad(new BigDecimal("6"));
        simulation.advance(Duration.ofSeconds(3));
        simulation.meter(0).clearLoadOverride();
        simulation.advance(Duration.ofMinutes(3).plusSeconds(5));

        simulation.cycle(ENERGY_SCHEDULE);
        simulation.cycle(ENERGY_SCHEDULE);

        assertThat(trips(meterId, AlarmKind.OVERLOAD_TRIP)).isEmpty();
    }

    @Test
    void a_power_jump_between_two_reads_raises_and_a_steady_read_clears_it() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        Set<ReadingItem> power = Set.of(ReadingItem.ACTIVE_POWER);
        simulation.cycle(power);

        simulation.meter(0).overrideLoad(new BigDecimal("4.5"));
        simulation.cycle(power);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.POWER_JUMP);
        assertThat(detail(meterId, AlarmKind.POWER_JUMP)).contains("4.5");

        simulation.cycle(power);
        assertThat(activeKinds(meterId)).isEmpty();
    }

    @Test
    void a_voltage_outside_the_band_raises_and_back_inside_clears() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        Set<ReadingItem> voltages = Set.of(ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C);
        simulation.cycle(voltages);
        assertThat(activeKinds(meterId)).isEmpty();

        simulation.meter(0).overrideVoltage(new BigDecimal("180"));
        simulation.cycle(voltages);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.VOLTAGE_OUT_OF_RANGE);
        assertThat(detail(meterId, AlarmKind.VOLTAGE_OUT_OF_RANGE)).contains("180");

        simulation.meter(0).overrideVoltage(null);
        simulation.cycle(voltages);
        assertThat(activeKinds(meterId)).isEmpty();
    }

    @Test
    void a_rising_reverse_register_raises_and_a_still_one_clears() {
        simulate(1, meter -> meter.withReverseShare(0.5));
        long meterId = simulation.meterId(0);
        Set<ReadingItem> reverse = Set.of(ReadingItem.REVERSE_ENERGY);
        simulation.cycle(reverse);

        simulation.advance(Duration.ofHours(1));
        simulation.cycle(reverse);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.REVERSE_ENERGY);

        simulation.meter(0).overrideLoad(BigDecimal.ZERO);
        simulation.cycle(reverse);
        simulation.advance(Duration.ofHours(1));
        simulation.cycle(reverse);
        assertThat(activeKinds(meterId)).isEmpty();
    }

    @Test
    void a_meter_clock_off_by_more_than_the_threshold_raises_and_a_set_clock_clears() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        Set<ReadingItem> clock = Set.of(ReadingItem.METER_TIME);

        simulation.meter(0).setClockDrift(Duration.ofMinutes(5));
        simulation.cycle(clock);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.CLOCK_DRIFT);

        simulation.meter(0).setClockDrift(Duration.ZERO);
        simulation.cycle(clock);
        assertThat(activeKinds(meterId)).isEmpty();
    }

    @Test
    void a_meter_that_times_out_three_reads_in_a_row_is_a_fault_until_it_answers_again() {
        simulate(1, UnaryOperator.identity());
        long meterId = simulation.meterId(0);
        Set<ReadingItem> energy = Set.of(ReadingItem.ACTIVE_ENERGY);
        simulation.simulator.faults().meterOffline(AlarmSimulation.COLLECTOR, simulation.port.portNumber(),
                simulation.meters.getFirst().wireAddress(), true);

        simulation.cycle(energy);
        simulation.cycle(energy);
        assertThat(activeKinds(meterId)).as("two failures are not yet a fault").isEmpty();
        simulation.cycle(energy);
        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.METER_COMM_FAILURE);
        assertThat(jdbc.queryForObject("SELECT severity FROM alarm WHERE active_key = ?", String.class,
                AlarmSubject.meter(meterId).activeKey(AlarmKind.METER_COMM_FAILURE))).isEqualTo("FAULT");

        simulation.simulator.faults().meterOffline(AlarmSimulation.COLLECTOR, simulation.port.portNumber(),
                simulation.meters.getFirst().wireAddress(), false);
        simulation.cycle(energy);
        assertThat(activeKinds(meterId)).isEmpty();
    }

    @Test
    void a_condition_seen_in_five_cycles_is_one_alarm_with_five_occurrences() {
        simulate(1, meter -> meter.withRemainingKwh(new BigDecimal("15")));
        long meterId = simulation.meterId(0);

        for (int i = 0; i < 5; i++) {
            simulation.cycle(Set.of(ReadingItem.REMAINING_ENERGY));
        }

        List<Integer> occurrences = jdbc.queryForList("SELECT occurrences FROM alarm WHERE meter_id = ? AND kind = ?",
                Integer.class, meterId, AlarmKind.LOW_REMAINING_1.name());
        assertThat(occurrences).containsExactly(5);
    }

    @Test
    void items_a_schedule_does_not_read_neither_raise_nor_clear_their_alarms() {
        simulate(1, meter -> meter.withRemainingKwh(new BigDecimal("15")));
        long meterId = simulation.meterId(0);
        simulation.cycle(Set.of(ReadingItem.REMAINING_ENERGY));

        simulation.cycle(Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.VOLTAGE_A));

        assertThat(activeKinds(meterId)).containsExactly(AlarmKind.LOW_REMAINING_1);
    }

    private void simulate(int meters, UnaryOperator<MeterConfig> configure) {
        simulation = AlarmSimulation.start(inventory, engine, readEvents, rules, meters, configure);
        demoLevels = new java.util.ArrayList<>();
        for (var meter : simulation.meters) {
            demoLevels.add(jdbc.queryForObject("SELECT id, alarm_level1_kwh, alarm_level2_kwh FROM meter WHERE id = ?",
                    (row, n) -> new Object[] {row.getLong(1), row.getBigDecimal(2), row.getBigDecimal(3)}, meter.id()));
            jdbc.update("UPDATE meter SET alarm_level1_kwh = NULL, alarm_level2_kwh = NULL WHERE id = ?", meter.id());
            jdbc.update("DELETE FROM alarm WHERE meter_id = ?", meter.id());
        }
        jdbc.update("DELETE FROM alarm WHERE collector_id = ?", simulation.collector.id());
        rules.forget();
    }

    /** State, raised_at, cleared_at (null while active) and detail of the meter's alarms of a kind. */
    private List<Object[]> trips(long meterId, AlarmKind kind) {
        return jdbc.query("SELECT state, raised_at, cleared_at, detail FROM alarm WHERE meter_id = ? AND kind = ?",
                (row, n) -> new Object[] {row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3) == null ? null : row.getTimestamp(3).toInstant(), row.getString(4)},
                meterId, kind.name());
    }

    private List<AlarmKind> activeKinds(long meterId) {
        return jdbc.queryForList("SELECT kind FROM alarm WHERE meter_id = ? AND active_key IS NOT NULL ORDER BY kind",
                String.class, meterId).stream().map(AlarmKind::valueOf).toList();
    }

    private List<Timestamp> history(long meterId, AlarmKind kind) {
        return jdbc.queryForList("SELECT cleared_at FROM alarm WHERE meter_id = ? AND kind = ? AND state = 'CLEARED'",
                Timestamp.class, meterId, kind.name());
    }

    private String detail(long meterId, AlarmKind kind) {
        return jdbc.queryForObject("SELECT detail FROM alarm WHERE active_key = ?", String.class,
                AlarmSubject.meter(meterId).activeKey(kind));
    }
}
