package io.jichao.collection.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.JichaoApplication;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.CollectionProperties;
import io.jichao.collection.CycleProgress;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.MeterStatusStore;
import io.jichao.collection.ReadingSource;
import io.jichao.collection.ReadingWriter;
import io.jichao.collection.StoredReading;
import io.jichao.simulator.Simulator;

/**
 * Issue 4 (b): end-to-end readings per second stored in MariaDB. Buses with zero response delay,
 * no gap and the simulator's fastest rate (115200 bps), so the engine, the simulator and the
 * database — not the buses — set the pace. One full cycle (production item set: 7 exchanges and
 * 11 readings per three-phase 2007 meter) goes engine → {@link ReadingWriter} (the application's
 * bean with its configured buffer, batch size and flush interval) → {@code reading}; the clock
 * stops when the writer has committed every reading, and the table is counted at the end.
 *
 * <p>Boots the application on its own embedded MariaDB in target/bench-db. Not a test: run by
 * hand (see docs/benchmarks.md). Arguments (optional): collectors ports-per-collector meters-per-port
 * [readings | job]. {@code readings} (default) stores the readings only; {@code job} uses the same
 * sink as {@code CollectionCycleJob}: the readings to the writer and, per meter,
 * {@link MeterStatusStore#save} of its health (batched into {@code meter_status} in the background);
 * the time until every status row is written is reported too. Both modes also keep the hourly
 * and daily energy aggregates, which the writer updates in each batch's transaction.
 */
public final class StoredThroughputBench {

    private static final int BAUD = 115_200;

    private StoredThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int collectors = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int ports = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int meters = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        boolean asJob = args.length > 3 && args[3].equals("job");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JichaoApplication.class)
                .profiles("test")
                .run("--jichao.embedded-db.data-dir=target/bench-db/" + System.nanoTime(),
                        "--jichao.simulator.enabled=false", "--server.port=0", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            ReadingWriter writer = context.getBean(ReadingWriter.class);
            MeterStatusStore statusStore = asJob ? context.getBean(MeterStatusStore.class) : null;
            CollectionProperties.Writer settings = context.getBean(CollectionProperties.class).writer();
            System.out.printf(Locale.ROOT, "%s; %d collectors x %d ports x %d meters = %,d meters, %d bps, "
                            + "delay 0, gap 0; writer %s; sink: %s%n", BenchTopology.machine(), collectors, ports, meters,
                    collectors * ports * meters, BAUD, settings,
                    asJob ? "readings + meter_status per meter (as CollectionCycleJob)" : "readings only");
            System.out.println("load average at start: " + BenchTopology.loadAverage());

            try (Simulator simulator = BenchTopology.startSimulator(
                    BenchTopology.simulatorConfig(collectors, ports, meters, BAUD, Duration.ZERO));
                 CollectionEngine engine = new CollectionEngine(BenchTopology.properties(Duration.ZERO),
                         Clock.systemUTC(), BenchTopology.SHANGHAI)) {
                List<CollectorDevice> devices = BenchTopology.devices(collectors, ports, meters, BAUD,
                        BenchTopology.boundPorts(simulator, ports), true);
                engine.start(devices);
                BenchTopology.awaitConnected(engine, devices, Duration.ofSeconds(60));

                Run warm = cycle(engine, writer, statusStore, jdbc);
                System.out.printf(Locale.ROOT, "warm-up cycle: %s%n", warm);
                jdbc.execute("truncate table reading");

                Run measured = cycle(engine, writer, statusStore, jdbc);
                System.out.printf(Locale.ROOT, "measured cycle: %s%n", measured);
                System.out.printf(Locale.ROOT, "end to end: %,.0f readings/s stored (target >= 20,000/s, ratio %.2f); "
                                + "engine alone: %,.0f readings/s%n", measured.storedPerSecond(),
                        measured.storedPerSecond() / 20_000, measured.cyclePerSecond());
                System.out.printf(Locale.ROOT, "count check: %,d rows in reading, %,d readings produced, "
                        + "%,d dropped by the writer -> %s%n", measured.counted, measured.produced,
                        measured.droppedDuring, measured.counted == measured.produced ? "OK" : "MISMATCH");
            }
            if (statusStore != null) {
                System.out.printf(Locale.ROOT, "meter_status: %,d rows written in batches, %,d pending, %,d failed flushes%n",
                        statusStore.written(), statusStore.pending(), statusStore.failedFlushes());
            }
            System.out.printf(Locale.ROOT, "aggregates: %,d energy_hourly rows, %,d energy_daily rows%n",
                    jdbc.queryForObject("select count(*) from energy_hourly", Long.class),
                    jdbc.queryForObject("select count(*) from energy_daily", Long.class));
            System.out.println("load average at end: " + BenchTopology.loadAverage());
        }
    }

    private record Run(CycleProgress progress, long produced, long counted, long droppedDuring, long cycleNanos,
                       long storedNanos, long statusNanos, long peakBuffered) {

        double storedPerSecond() {
            return counted / (storedNanos / 1e9);
        }

        double cyclePerSecond() {
            return produced / (cycleNanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d meters (%,d failed), %,d readings, cycle %.2f s, all stored after "
                            + "%.2f s, meter_status written after %.2f s, %,d rows counted, %,d dropped, writer buffer peak "
                            + "%,d (sampled every 20 ms)", progress.total(), progress.failed(), produced, cycleNanos / 1e9,
                    storedNanos / 1e9, statusNanos / 1e9, counted, droppedDuring, peakBuffered);
        }
    }

    private static Run cycle(CollectionEngine engine, ReadingWriter writer, MeterStatusStore statusStore,
                             JdbcTemplate jdbc)
            throws InterruptedException {
        AtomicLong produced = new AtomicLong();
        long storedBefore = writer.stored();
        long droppedBefore = writer.dropped();
        AtomicLong peakBuffered = new AtomicLong();
        Thread sampler = Thread.ofPlatform().daemon(true).start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakBuffered.accumulateAndGet(writer.buffered(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        CycleProgress progress = engine.runCycle(BenchTopology.FULL_CYCLE_ITEMS, result -> {
            List<StoredReading> rows = rows(result);
            produced.addAndGet(rows.size());
            writer.submit(rows);
            if (statusStore != null) {
                statusStore.save(engine.health(result.meterId()));
            }
        });
        long cycleNanos = System.nanoTime() - start;
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        // Done when every reading is either committed or dropped by the writer's bounded buffer.
        while (writer.stored() - storedBefore + writer.dropped() - droppedBefore < produced.get()
                && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long storedNanos = System.nanoTime() - start;
        while (statusStore != null && statusStore.pending() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long statusNanos = System.nanoTime() - start;
        sampler.interrupt();
        long counted = jdbc.queryForObject("select count(*) from reading", Long.class);
        return new Run(progress, produced.get(), counted, writer.dropped() - droppedBefore, cycleNanos, storedNanos,
                statusNanos, peakBuffered.get());
    }

    /** What the cycle job stores for a result (StoredReading.of is package-private). */
    private static List<StoredReading> rows(MeterReadResult result) {
        return result.values().stream().map(v -> new StoredReading(result.meterId(), v.item(), v.value(),
                v.meterTime(), result.readAt(), ReadingSource.CYCLE)).toList();
    }
}
