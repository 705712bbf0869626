package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SimulationClock;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;

/**
 * The "a one-minute database outage loses no reading": the engine reads a simulated bus
 * over real TCP cycle after cycle for a full minute of wall time while the database refuses every
 * write of the storage (the tables {@code reading}, {@code meter_status}, {@code energy_hourly}
 * and {@code energy_daily} are renamed away, so each statement fails inside the real MariaDB).
 * Then the tables come back and every reading taken meanwhile is stored exactly once, the status
 * rows hold the engine's latest health, and the aggregates equal what the readings give.
 *
 * <p>The simulator's clock advances five minutes per cycle, so the minute of outage covers hours
 * of meter time and the aggregates span several hours.
 * The writer and status store use a 100 ms flush and a 1 s longest back-off, so recovery takes
 * about a second, not the production 30 s.
 */
@JichaoSpringTest
class DatabaseOutageIT {

    private static final List<String> STORAGE_TABLES = List.of("reading", "meter_status", "energy_hourly",
            "energy_daily");
    private static final Duration OUTAGE = Duration.ofSeconds(60);
    private static final Duration METER_TIME_PER_CYCLE = Duration.ofMinutes(5);

    @Autowired
    private DeviceInventory inventory;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;

    private Simulator simulator;
    private CollectionEngine engine;
    private ReadingWriter writer;
    private MeterStatusStore statusStore;
    private List<MeterDevice> meters;
    private SimulationClock.Manual simulated;

    @BeforeEach
    void engineOnASimulatedBus() {
        CollectorDevice collector = EngineFixtures.firstServerCollector(inventory);
        PortDevice port = EngineFixtures.dlt2007Port(collector, 2);
        meters = port.meters();
        simulator = EngineFixtures.start(CollectorConfig.server("S", Dh600Model.DH601, List.of(
                PortConfig.of(1, BusProtocol.DLT645_2007, meters.stream().map(m -> MeterConfig.of(m.wireAddress())
                                .withLoad(LoadProfile.FLAT, "2", "2", 0).withInitialEnergyKwh(new BigDecimal("500")))
                        .toList()).withBaud(19200).withResponseDelay(Duration.ZERO))));
        simulated = (SimulationClock.Manual) simulator.clock();
        // Far from the meter times of other tests that use the same demo meters.
        simulated.advance(Duration.ofDays(400));
        CollectionProperties.Writer fast = new CollectionProperties.Writer(100_000, 100, Duration.ofMillis(100),
                Duration.ofSeconds(1));
        writer = new ReadingWriter(jdbc, transactions, fast);
        statusStore = new MeterStatusStore(jdbc, fast);
        // A generous timeout: the buses never fail here, and a loaded CI machine must not make an answer late.
        engine = new CollectionEngine(EngineFixtures.properties(Duration.ofSeconds(2), 2), EngineFixtures.following(simulated),
                EngineFixtures.SHANGHAI);
        engine.start(List.of(new CollectorDevice(collector.id(), collector.name(), collector.model(),
                ConnectionMode.SERVER, "127.0.0.1", null, List.of(new PortDevice(port.portNumber(), 19200,
                        port.parity(), port.protocol(), simulator.boundPort("S", 1), meters)))));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().online());
    }

    @AfterEach
    void stopAndRestoreTables() {
        engine.stop();
        simulator.close();
        for (String table : STORAGE_TABLES) {
            if (exists(table + "_offline")) {
                jdbc.execute("RENAME TABLE " + table + "_offline TO " + table);
            }
        }
        writer.close();
        statusStore.close();
    }

    @Test
    void a_one_minute_outage_of_the_storage_tables_loses_no_reading_and_stores_each_once() {
        Queue<StoredReading> produced = new ConcurrentLinkedQueue<>();
        Instant windowStart = simulated.now();
        cycle(produced);
        await().atMost(Duration.ofSeconds(5)).until(() -> writer.buffered() == 0 && statusStore.pending() == 0);

        STORAGE_TABLES.forEach(table -> jdbc.execute("RENAME TABLE " + table + " TO " + table + "_offline"));
        long outageStart = System.nanoTime();
        int cyclesDuringOutage = 0;
        while (System.nanoTime() - outageStart < OUTAGE.toNanos()) {
            simulated.advance(METER_TIME_PER_CYCLE);
            cycle(produced);
            cyclesDuringOutage++;
            sleep(Duration.ofMillis(400));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - outageStart)).isGreaterThanOrEqualTo(OUTAGE);
        long readingsDuringOutage = (long) cyclesDuringOutage * meters.size();
        assertThat(writer.buffered()).as("all outage readings wait in memory").isEqualTo((int) readingsDuringOutage);
        assertThat(writer.failedFlushes()).as("the writer kept retrying").isGreaterThan(5);
        assertThat(statusStore.pending()).isEqualTo(meters.size());
        assertThat(statusStore.failedFlushes()).isGreaterThan(5);

        STORAGE_TABLES.forEach(table -> jdbc.execute("RENAME TABLE " + table + "_offline TO " + table));
        await().atMost(Duration.ofSeconds(10)).until(() -> writer.buffered() == 0 && statusStore.pending() == 0);

        assertThat(writer.dropped()).isZero();
        Set<Long> ids = meters.stream().map(MeterDevice::id).collect(Collectors.toSet());
        String meterList = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        Instant windowEnd = simulated.now().plusSeconds(1);
        assertThat(produced).hasSize((int) ((cyclesDuringOutage + 1L) * meters.size()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reading WHERE meter_id IN (" + meterList
                + ") AND read_at >= ? AND read_at < ?", Long.class, ts(windowStart), ts(windowEnd)))
                .as("every reading exactly once").isEqualTo(produced.size());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT DISTINCT meter_id, read_at FROM reading WHERE meter_id IN ("
                + meterList + ") AND read_at >= ? AND read_at < ?) d", Long.class, ts(windowStart), ts(windowEnd)))
                .isEqualTo(produced.size());
        for (MeterDevice meter : meters) {
            assertThat(jdbc.queryForObject("SELECT last_success_at FROM meter_status WHERE meter_id = ?",
                    java.sql.Timestamp.class, meter.id()).toInstant())
                    .as("the engine's latest health wins")
                    .isEqualTo(engine.health(meter.id()).lastSuccessAt().truncatedTo(ChronoUnit.MILLIS));
        }
        assertThat(stored("SELECT meter_id, hour_start, register_kwh FROM energy_hourly WHERE meter_id IN ("
                + meterList + ") AND taken_at >= ? AND taken_at < ?", windowStart, windowEnd))
                .as("hourly closing values").isEqualTo(expected(produced, r -> EnergyAggregates.hourOf(r.readAt())
                        .atOffset(ZoneOffset.UTC).toLocalDateTime().toString()));
        assertThat(stored("SELECT meter_id, day, register_kwh FROM energy_daily WHERE meter_id IN ("
                + meterList + ") AND taken_at >= ? AND taken_at < ?", windowStart, windowEnd))
                .as("daily closing values").isEqualTo(expected(produced, r -> EnergyAggregates.dayOf(r.readAt()).toString()));
    }

    private void cycle(Queue<StoredReading> produced) {
        CycleProgress progress = engine.runCycle(Set.of(ReadingItem.ACTIVE_ENERGY), result -> {
            List<StoredReading> rows = StoredReading.of(result, ReadingSource.CYCLE);
            produced.addAll(rows);
            writer.submit(rows);
            statusStore.save(engine.health(result.meterId()));
        });
        assertThat(progress.failed()).as("the buses answer throughout").isZero();
    }

    /** meter/interval → closing kWh as stored. */
    private Map<String, BigDecimal> stored(String sql, Instant from, Instant to) {
        Map<String, BigDecimal> rows = new HashMap<>();
        jdbc.query(sql, row -> {
            String key = row.getLong(1) + "/" + (sql.contains("hour_start")
                    ? row.getObject(2, LocalDateTime.class).toString() : row.getObject(2, LocalDate.class).toString());
            rows.put(key, row.getBigDecimal(3).stripTrailingZeros());
        }, LocalDateTime.ofInstant(from, ZoneOffset.UTC), LocalDateTime.ofInstant(to, ZoneOffset.UTC));
        return rows;
    }

    /** meter/interval → the value of the latest reading in the interval, computed from what was read. */
    private static Map<String, BigDecimal> expected(Queue<StoredReading> produced,
                                                    java.util.function.Function<StoredReading, String> interval) {
        Map<String, StoredReading> latest = new HashMap<>();
        for (StoredReading reading : produced) {
            latest.merge(reading.meterId() + "/" + interval.apply(reading), reading,
                    (a, b) -> b.readAt().isAfter(a.readAt()) ? b : a);
        }
        return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().value().setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()));
    }

    private boolean exists(String table) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = DATABASE() AND table_name = ?", Integer.class, table);
        return found != null && found > 0;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
