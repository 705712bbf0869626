package io.jichao.collection.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.MeterReadingService;
import io.jichao.collection.link.Priority;
import io.jichao.simulator.Simulator;

/**
 * Issue 4: "read now" latency on a simulated 2400 bps bus. One DH601 port with 32 three-phase
 * DL/T 645-2007 meters (50 ms answer delay, 200 ms minimum gap, production timeouts and retries).
 * Each sample is the wall time of {@link CollectionEngine#read} with
 * {@link MeterReadingService#READ_NOW_ITEMS} at OPERATOR priority, the bus part of
 * {@code MeterReadingService.readNow} (the rest — handing the values to the writer and one audit
 * row — does not wait for the bus). Two phases: the bus idle, then the bus busy with back-to-back
 * full reading cycles, so a read has to wait for the cycle exchange in flight.
 *
 * <p>Not a test: run by hand (see docs/benchmarks.md). Arguments (optional): samples per phase.
 */
public final class ReadNowLatencyBench {

    private static final int BAUD = 2400;
    private static final int METERS = 32;
    private static final Duration DELAY = Duration.ofMillis(50);
    private static final Duration GAP = Duration.ofMillis(200);

    private ReadNowLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        System.out.printf(Locale.ROOT, "%s; 1 port x %d meters, %d bps 8E1, delay %d ms, gap %d ms, %d samples"
                        + " per phase, items %s%n", BenchTopology.machine(), METERS, BAUD, DELAY.toMillis(),
                GAP.toMillis(), samples, MeterReadingService.READ_NOW_ITEMS);
        System.out.println("load average at start: " + BenchTopology.loadAverage());
        try (Simulator simulator = BenchTopology.startSimulator(
                BenchTopology.simulatorConfig(1, 1, METERS, BAUD, DELAY));
             CollectionEngine engine = new CollectionEngine(BenchTopology.properties(GAP), Clock.systemUTC(),
                     BenchTopology.SHANGHAI)) {
            List<CollectorDevice> devices = BenchTopology.devices(1, 1, METERS, BAUD,
                    BenchTopology.boundPorts(simulator, 1), true);
            engine.start(devices);
            BenchTopology.awaitConnected(engine, devices, Duration.ofSeconds(30));
            Random random = new Random(7);

            report("idle bus", measure(engine, samples, random));

            AtomicBoolean cycling = new AtomicBoolean(true);
            AtomicInteger cycles = new AtomicInteger();
            Thread background = Thread.ofVirtual().start(() -> {
                while (cycling.get()) {
                    engine.runCycle(BenchTopology.FULL_CYCLE_ITEMS, result -> { });
                    cycles.incrementAndGet();
                }
            });
            Thread.sleep(1_000);
            report("bus busy with reading cycles", measure(engine, samples, random));
            cycling.set(false);
            background.join();
            System.out.println("cycles run in the background: " + cycles.get());
            System.out.println("load average at end: " + BenchTopology.loadAverage());
        }
    }

    private static List<Double> measure(CollectionEngine engine, int samples, Random random)
            throws InterruptedException {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long meterId = BenchTopology.meterId(1, 1, random.nextInt(METERS));
            long start = System.nanoTime();
            MeterReadResult result = engine.read(meterId, MeterReadingService.READ_NOW_ITEMS, Priority.OPERATOR)
                    .orElseThrow();
            millis.add((System.nanoTime() - start) / 1e6);
            if (!result.succeeded()) {
                System.out.println("failed read of meter " + meterId + ": " + result.failure().orElseThrow());
            }
            // Operators do not click in lock-step with the bus: land at random points of the cycle.
            Thread.sleep(200 + random.nextInt(800));
        }
        return millis;
    }

    private static void report(String phase, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.0f ms, p95 %.0f ms, max %.0f ms, min %.0f ms (n=%d)%n", phase,
                percentile(sorted, 0.50), percentile(sorted, 0.95), sorted.getLast(), sorted.getFirst(),
                sorted.size());
    }

    private static double percentile(List<Double> sorted, double share) {
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
