package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.FreezeRecord;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * The schedule dispatcher on MariaDB with the demo park: one DL/T 645-2007 port of each of the
 * first two server-mode collectors is simulated over real TCP, the dispatcher is called directly
 * (its tick is off in tests), and ShedLock works on the real {@code shedlock} table. The seeded
 * schedules are planned far ahead so only each test's own schedule is due.
 */
@JichaoSpringTest
class CollectionCycleJobIT {

    private static final Set<ReadingItem> CYCLE_ITEMS = EngineFixtures.CYCLE_ITEMS;
    private static final Instant FAR_AHEAD = Instant.parse("2037-01-01T00:00:00Z");

    @Autowired
    private CollectionEngine engine;
    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private ReadingWriter writer;
    @Autowired
    private MeterStatusStore statusStore;
    @Autowired
    private BackfillStore backfillStore;
    @Autowired
    private MeterReadEvents readEvents;
    @Autowired
    private CollectionScheduleStore store;
    @Autowired
    private ScheduleProgress progress;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private LockProvider lockProvider;

    private Simulator simulator;
    private CollectorDevice first;
    private CollectorDevice second;
    private PortDevice firstPort;
    private PortDevice secondPort;
    private CollectionScheduleDispatcher dispatcher;
    private Instant testStart;

    @BeforeEach
    void simulateOnePortOfTwoCollectors() {
        List<CollectorDevice> servers = inventory.enabledCollectors().stream()
                .filter(c -> c.mode() == ConnectionMode.SERVER)
                .filter(c -> c.ports().stream().anyMatch(p -> p.protocol() == MeterProtocol.DLT645_2007
                        && !p.meters().isEmpty()))
                .limit(2).toList();
        first = servers.get(0);
        second = servers.get(1);
        firstPort = EngineFixtures.dlt2007Port(first, 1);
        secondPort = EngineFixtures.dlt2007Port(second, 1);
        simulator = EngineFixtures.start(
                CollectorConfig.server("X", Dh600Model.DH601, List.of(simulated(firstPort))),
                CollectorConfig.server("Y", Dh600Model.DH601, List.of(simulated(secondPort))));
        engine.start(List.of(onSimulator(first, firstPort, "X"), onSimulator(second, secondPort, "Y")));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().stream()
                .allMatch(EngineStatus.CollectorStatus::online));
        jdbc.update("UPDATE collection_schedule SET next_run_at = ?", Timestamp.from(FAR_AHEAD));
        dispatcher = new CollectionScheduleDispatcher(engine,
                new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore, readEvents), store, progress,
                lockProvider, Clock.systemUTC());
        testStart = Instant.now().minusMillis(5);
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        engine.stop();
        if (simulator != null) {
            simulator.close();
        }
        jdbc.update("UPDATE collection_schedule SET enabled = FALSE WHERE name LIKE 'IT %'");
    }

    @Test
    void a_schedule_of_one_collector_reads_and_stores_only_that_collectors_meters() {
        long id = store.insert(new ScheduleDraft("IT group " + System.nanoTime(), true,
                Set.of(ReadingItem.ACTIVE_ENERGY), new ScheduleTiming.Every(15), Set.of(first.id())), Instant.now());

        dispatcher.dispatchDue().forEach(run -> assertThat(run.join()).isTrue());

        CollectionSchedule.LastRun lastRun = store.find(id).orElseThrow().lastRun();
        assertThat(lastRun.total()).isEqualTo(firstPort.meters().size());
        assertThat(lastRun.succeeded()).isEqualTo(firstPort.meters().size());
        assertThat(lastRun.failed()).isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> cycleReadings(firstPort) == firstPort.meters().size());
        assertThat(cycleReadings(secondPort)).as("the other collector's meters are not read").isZero();
        await().atMost(Duration.ofSeconds(5)).until(() -> statusStore.pending() == 0);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM meter_status WHERE consecutive_failures = 0 AND "
                + "last_attempt_at >= ? AND meter_id IN (" + ids(firstPort) + ")", Integer.class,
                Timestamp.from(testStart))).isEqualTo(firstPort.meters().size());
    }

    @Test
    void two_schedules_running_at_once_each_report_their_own_progress_meter_by_meter() {
        Map<Long, List<CycleProgress>> seen = new ConcurrentHashMap<>();
        ScheduleProgress recording = new ScheduleProgress() {
            @Override
            void update(long scheduleId, CycleProgress update) {
                seen.computeIfAbsent(scheduleId, id -> new CopyOnWriteArrayList<>()).add(update);
                super.update(scheduleId, update);
            }
        };
        dispatcher.close();
        dispatcher = new CollectionScheduleDispatcher(engine,
                new CollectionCycleJob(engine, inventory, writer, statusStore, backfillStore, readEvents), store, recording,
                lockProvider, Clock.systemUTC());
        long onFirst = store.insert(new ScheduleDraft("IT progress X " + System.nanoTime(), true,
                CYCLE_ITEMS, new ScheduleTiming.Every(15), Set.of(first.id())), Instant.now());
        long onSecond = store.insert(new ScheduleDraft("IT progress Y " + System.nanoTime(), true,
                CYCLE_ITEMS, new ScheduleTiming.Every(15), Set.of(second.id())), Instant.now());

        List<CompletableFuture<Boolean>> runs = dispatcher.dispatchDue();
        assertThat(runs).hasSize(2);
        runs.forEach(run -> assertThat(run.join()).isTrue());

        assertProgressOf(seen.get(onFirst), firstPort.meters().size());
        assertProgressOf(seen.get(onSecond), secondPort.meters().size());
        assertThat(recording.of(onFirst)).as("nothing is running any more").isEmpty();
        assertThat(store.find(onFirst).orElseThrow().lastRun().total()).isEqualTo(firstPort.meters().size());
        assertThat(store.find(onSecond).orElseThrow().lastRun().total()).isEqualTo(secondPort.meters().size());
    }

    private static void assertProgressOf(List<CycleProgress> updates, int meters) {
        assertThat(updates).hasSize(meters + 2);
        assertThat(updates.getFirst().running()).isTrue();
        assertThat(updates.getFirst().done()).isZero();
        assertThat(updates).allSatisfy(update -> assertThat(update.total()).isEqualTo(meters));
        assertThat(updates).extracting(CycleProgress::done).isSorted();
        assertThat(updates.getLast().running()).isFalse();
        assertThat(updates.getLast().done()).isEqualTo(meters);
    }

    @Test
    void the_next_run_of_an_interval_schedule_counts_from_the_end_of_the_run() {
        long id = store.insert(new ScheduleDraft("IT interval " + System.nanoTime(), true,
                Set.of(ReadingItem.ACTIVE_ENERGY), new ScheduleTiming.Every(7), Set.of(second.id())), Instant.now());

        assertThat(dispatcher.runIfDue(id)).isTrue();

        CollectionSchedule ran = store.find(id).orElseThrow();
        assertThat(ran.nextRunAt()).isEqualTo(ran.lastRun().finishedAt().plus(Duration.ofMinutes(7)));
        assertThat(dispatcher.runIfDue(id)).as("not due again before its next run").isFalse();
        assertThat(dispatcher.dispatchDue()).isEmpty();
    }

    @Test
    void a_disabled_schedule_never_runs_even_when_its_time_has_come() {
        long id = store.insert(new ScheduleDraft("IT disabled " + System.nanoTime(), false,
                Set.of(ReadingItem.ACTIVE_ENERGY), new ScheduleTiming.Every(1), Set.of(first.id())), null);
        store.plan(id, Instant.now().minusSeconds(60));

        assertThat(dispatcher.dispatchDue()).isEmpty();
        assertThat(dispatcher.runIfDue(id)).isFalse();

        assertThat(store.find(id).orElseThrow().lastRun()).isNull();
        assertThat(cycleReadings(firstPort)).isZero();
    }

    @Test
    void a_schedule_locked_by_another_process_is_not_run_here() {
        long id = store.insert(new ScheduleDraft("IT locked " + System.nanoTime(), true,
                Set.of(ReadingItem.ACTIVE_ENERGY), new ScheduleTiming.Every(15), Set.of(first.id())), Instant.now());
        SimpleLock otherProcess = lockProvider.lock(new LockConfiguration(Instant.now(),
                CollectionScheduleDispatcher.lockName(id), Duration.ofMinutes(1), Duration.ZERO)).orElseThrow();
        try {
            assertThat(dispatcher.runIfDue(id)).isFalse();
            assertThat(store.find(id).orElseThrow().lastRun()).isNull();
        } finally {
            otherProcess.unlock();
        }
        assertThat(dispatcher.runIfDue(id)).isTrue();
    }

    @Test
    void a_new_daily_schedule_is_planned_for_its_time_of_day_and_not_run_at_once() {
        long id = store.insert(new ScheduleDraft("IT daily " + System.nanoTime(), true,
                Set.of(ReadingItem.DAILY_FREEZE), new ScheduleTiming.DailyAt(LocalTime.of(0, 15)), Set.of(first.id())),
                null);

        assertThat(dispatcher.dispatchDue()).isEmpty();

        CollectionSchedule planned = store.find(id).orElseThrow();
        assertThat(planned.lastRun()).isNull();
        assertThat(planned.nextRunAt().atZone(ScheduleTiming.LOCAL_ZONE).toLocalTime()).isEqualTo(LocalTime.of(0, 15));
        assertThat(planned.nextRunAt()).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
    }

    @Test
    void the_daily_freeze_schedule_stores_each_meters_latest_daily_freeze_with_its_freeze_time() {
        ((SimulationClock.Manual) simulator.clock()).advance(Duration.ofDays(1));
        long id = store.insert(new ScheduleDraft("IT freeze " + System.nanoTime(), true,
                Set.of(ReadingItem.DAILY_FREEZE), new ScheduleTiming.Every(15), Set.of(first.id())), Instant.now());

        assertThat(dispatcher.runIfDue(id)).isTrue();

        MeterDevice meter = firstPort.meters().getFirst();
        FreezeRecord latest = simulator.electricMeter("X", firstPort.portNumber(), meter.wireAddress())
                .dailyFreezes().getFirst();
        await().atMost(Duration.ofSeconds(5)).until(() -> freezeRows(meter.id()).size() == 1);
        FreezeRow row = freezeRows(meter.id()).getFirst();
        assertThat(row.meterTime()).as("the freeze time by the meter's clock").isEqualTo(latest.time());
        assertThat(latest.time().toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(row.value().stripTrailingZeros()).isEqualTo(latest.forwardTotal().stripTrailingZeros());
        assertThat(cycleReadings(firstPort)).as("nothing but the freeze is read").isZero();
    }

    private record FreezeRow(LocalDateTime meterTime, BigDecimal value) {
    }

    private List<FreezeRow> freezeRows(long meterId) {
        return jdbc.query("""
                SELECT meter_time, value FROM reading WHERE meter_id = ? AND item = 'DAILY_FREEZE'
                AND source = 'FREEZE' AND read_at >= ?""",
                (row, n) -> new FreezeRow(row.getObject(1, LocalDateTime.class), row.getBigDecimal(2)),
                meterId, Timestamp.from(testStart));
    }

    private int cycleReadings(PortDevice port) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reading WHERE source = 'CYCLE' AND item = 'ACTIVE_ENERGY' "
                + "AND read_at >= ? AND meter_id IN (" + ids(port) + ")", Integer.class, Timestamp.from(testStart));
    }

    private static String ids(PortDevice port) {
        return port.meters().stream().map(m -> Long.toString(m.id())).collect(Collectors.joining(","));
    }

    private static PortConfig simulated(PortDevice port) {
        List<MeterConfig> meters = port.meters().stream().map(m -> MeterConfig.of(m.wireAddress())
                .withLoad(LoadProfile.FLAT, "1", "1", 0).withInitialEnergyKwh(new BigDecimal("777"))).toList();
        return PortConfig.of(port.portNumber(), BusProtocol.DLT645_2007, meters).withBaud(19200)
                .withResponseDelay(Duration.ZERO);
    }

    private CollectorDevice onSimulator(CollectorDevice collector, PortDevice port, String simulatorId) {
        return new CollectorDevice(collector.id(), collector.name(), collector.model(), ConnectionMode.SERVER,
                "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200, port.parity(), port.protocol(),
                        simulator.boundPort(simulatorId, port.portNumber()), port.meters())));
    }
}
