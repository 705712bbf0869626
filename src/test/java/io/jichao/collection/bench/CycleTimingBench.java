package io.jichao.collection.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.CycleProgress;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.link.PortCounters;
import io.jichao.collection.link.PortKey;
import io.jichao.simulator.Simulator;

/**
 * Issue 4 (a): a realistic timing cycle. Every meter is read once with the production item set
 * on 2400 bps 8E1 buses with a response delay and the minimum gap; the cycle's wall time is
 * compared with the bus-limited minimum of the busiest bus, computed from the bytes that really
 * crossed each bus during the cycle (the engine's byte counters, so the answers' random preambles
 * are included): bytes × 11 / baud + exchanges × delay + (exchanges − 1) × gap.
 *
 * <p>Not a test: run by hand (see docs/benchmarks.md). Arguments (all optional):
 * collectors ports-per-collector meters-per-port delay-ms gap-ms items (full | energy).
 */
public final class CycleTimingBench {

    private static final int BAUD = 2400;
    private static final int BITS_PER_BYTE = 11;

    private CycleTimingBench() {
    }

    public static void main(String[] args) throws Exception {
        int collectors = arg(args, 0, 100);
        int ports = arg(args, 1, 8);
        int meters = arg(args, 2, 32);
        Duration delay = Duration.ofMillis(arg(args, 3, 50));
        Duration gap = Duration.ofMillis(arg(args, 4, 200));
        Set<ReadingItem> items = args.length > 5 && args[5].equals("energy")
                ? Set.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REMAINING_ENERGY) : BenchTopology.FULL_CYCLE_ITEMS;
        System.out.printf(Locale.ROOT, "%s; %d collectors x %d ports x %d meters = %,d meters, %d bps 8E1, "
                        + "delay %d ms, gap %d ms, items %s%n", BenchTopology.machine(), collectors, ports, meters,
                collectors * ports * meters, BAUD, delay.toMillis(), gap.toMillis(), items);
        System.out.println("load average at start: " + BenchTopology.loadAverage());

        try (Simulator simulator = BenchTopology.startSimulator(
                BenchTopology.simulatorConfig(collectors, ports, meters, BAUD, delay));
             CollectionEngine engine = new CollectionEngine(BenchTopology.properties(gap), Clock.systemUTC(),
                     BenchTopology.SHANGHAI)) {
            List<CollectorDevice> devices = BenchTopology.devices(collectors, ports, meters, BAUD,
                    BenchTopology.boundPorts(simulator, ports), true);
            engine.start(devices);
            BenchTopology.awaitConnected(engine, devices, Duration.ofSeconds(60));

            long warmStart = System.nanoTime();
            CycleProgress warm = engine.runCycle(Set.of(ReadingItem.ACTIVE_ENERGY), result -> { });
            System.out.printf(Locale.ROOT, "warm-up cycle (ACTIVE_ENERGY only): %.1f s, %d failed%n",
                    (System.nanoTime() - warmStart) / 1e9, warm.failed());
            Thread.sleep(1000);   // the last gap of the warm-up must not delay the measured cycle

            Map<PortKey, long[]> before = snapshot(engine, devices);
            long start = System.nanoTime();
            CycleProgress progress = engine.runCycle(items, result -> { });
            long wall = System.nanoTime() - start;
            Map<PortKey, long[]> after = snapshot(engine, devices);

            double busiest = 0;
            PortKey busiestPort = null;
            long[] busiestDelta = null;
            long timeouts = 0;
            long exchanges = 0;
            for (PortKey key : before.keySet()) {
                long[] d = delta(before.get(key), after.get(key));
                long bytes = d[0] + d[1];
                long attempts = d[2];
                timeouts += d[3];
                exchanges += attempts;
                double minimum = bytes * (double) BITS_PER_BYTE / BAUD
                        + attempts * delay.toNanos() / 1e9 + Math.max(0, attempts - 1) * gap.toNanos() / 1e9;
                if (minimum > busiest) {
                    busiest = minimum;
                    busiestPort = key;
                    busiestDelta = d;
                }
            }
            System.out.printf(Locale.ROOT, "cycle: %,d meters, %,d failed, %,d exchanges, %,d timeouts%n",
                    progress.total(), progress.failed(), exchanges, timeouts);
            System.out.printf(Locale.ROOT, "busiest bus %s: %d exchanges, %d bytes out, %d bytes in -> "
                            + "bus-limited minimum %.3f s%n", busiestPort, busiestDelta[2], busiestDelta[1],
                    busiestDelta[0], busiest);
            System.out.printf(Locale.ROOT, "wall time %.3f s, ratio wall / minimum = %.4f (target <= 1.10)%n",
                    wall / 1e9, wall / 1e9 / busiest);
            System.out.println("load average at end: " + BenchTopology.loadAverage());
        }
    }

    /** bytes in, bytes out, attempts, timeouts per port. */
    private static Map<PortKey, long[]> snapshot(CollectionEngine engine, List<CollectorDevice> devices) {
        Map<PortKey, long[]> counters = new HashMap<>();
        for (CollectorDevice collector : devices) {
            for (var port : collector.ports()) {
                PortKey key = new PortKey(collector.id(), port.portNumber());
                PortCounters c = engine.link(key).orElseThrow().counters();
                counters.put(key, new long[] {c.bytesIn(), c.bytesOut(), c.attempts(), c.timeouts()});
            }
        }
        return counters;
    }

    private static long[] delta(long[] before, long[] after) {
        long[] d = new long[before.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        return d;
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
