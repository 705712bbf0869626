package io.jichao.collection.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.collection.CollectionEngine;
import io.jichao.simulator.Simulator;

/**
 * Issue 4 (c): heap per connected serial port on the engine side. The simulator runs in a child
 * JVM (this class with {@code simulator <collectors>}), so nothing of it is on this heap; this JVM
 * only runs the engine. For each N (collectors × 8 ports, idle, no meters in the engine's
 * routes), used heap after repeated System.gc() is taken before start and once every port is
 * connected; the slope between two N removes the fixed cost (event loops, dial-in listener).
 * With {@code -Dbench.histogram=true} it also prints the classes whose live bytes grew, per port.
 *
 * <p>Not a test: run by hand (see docs/benchmarks.md). Arguments (optional): collector counts,
 * default 100 200 (800 and 1,600 ports).
 */
public final class HeapPerPortBench {

    private static final int PORTS = 8;
    /**
     * {@code -Dbench.histogram=true} also prints which classes grew (GC.class_histogram). The histogram
     * taken before start stays on the heap while "connected" is measured, so it inflates the
     * MemoryMXBean figures of that run by a fixed amount (the slope between two N is unaffected):
     * take the heap figures from a run without it.
     */
    private static final boolean HISTOGRAM = Boolean.getBoolean("bench.histogram");

    private HeapPerPortBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("simulator")) {
            runSimulator(Integer.parseInt(args[1]));
            return;
        }
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {100, 200};
        System.out.println(BenchTopology.machine() + "; GC " + ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(b -> b.getName()).toList());
        System.out.println("load average at start: " + BenchTopology.loadAverage());
        // A throw-away engine first, so classes, Netty's statics and the JIT are not counted as per-port cost.
        measure(8, false);
        List<double[]> results = new ArrayList<>();
        for (int collectors : sizes) {
            results.add(measure(collectors, true));
        }
        if (results.size() >= 2) {
            double[] small = results.getFirst();
            double[] large = results.getLast();
            System.out.printf(Locale.ROOT, "marginal heap per port between %,d and %,d ports: %,.0f bytes%n",
                    (long) small[0], (long) large[0], (large[1] - small[1]) / (large[0] - small[0]));
        }
        System.out.println("load average at end: " + BenchTopology.loadAverage());
    }

    /** Returns {ports, engine heap delta}. */
    private static double[] measure(int collectors, boolean print) throws Exception {
        int ports = collectors * PORTS;
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HeapPerPortBench.class.getName(), "simulator",
                String.valueOf(collectors)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            int[] tcpPorts = new int[ports];
            for (int i = 0; i < ports; ) {
                String line = out.readLine();
                if (line == null) {
                    throw new IllegalStateException("simulator process ended early");
                }
                if (line.startsWith("PORT ")) {   // the child's log lines share its stdout
                    tcpPorts[i++] = Integer.parseInt(line.substring(5).trim());
                }
            }
            Thread.ofVirtual().start(() -> out.lines().forEach(line -> { }));   // keep the child's logging unblocked
            List<CollectorDevice> devices = BenchTopology.devices(collectors, PORTS, 0, 2400, i -> tcpPorts[i], false);
            long before = usedHeapAfterGc();
            java.util.Map<String, long[]> histogramBefore = print && HISTOGRAM ? histogram() : null;
            CollectionEngine engine = new CollectionEngine(BenchTopology.properties(Duration.ofMillis(200)),
                    Clock.systemUTC(), BenchTopology.SHANGHAI);
            engine.start(devices);
            BenchTopology.awaitConnected(engine, devices, Duration.ofSeconds(60));
            Thread.sleep(2000);   // let connect handshakes and first reads settle
            long connected = usedHeapAfterGc();
            if (histogramBefore != null) {
                printTopGrowth(histogram(), histogramBefore, ports);
            }
            engine.stop();
            long stopped = usedHeapAfterGc();
            long delta = connected - before;
            if (print) {
                System.out.printf(Locale.ROOT, "%,d ports: used heap %,d before start, %,d connected (+%,d = %,.0f "
                                + "bytes per port incl. fixed cost), %,d after stop%n", ports, before, connected, delta,
                        delta / (double) ports, stopped);
            }
            return new double[] {ports, delta};
        } finally {
            child.getOutputStream().close();
            child.waitFor();
        }
    }

    /** Class histogram of live objects (GC.class_histogram): class name -> {instances, bytes}. */
    private static java.util.Map<String, long[]> histogram() throws Exception {
        var server = ManagementFactory.getPlatformMBeanServer();
        var name = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
        String text = (String) server.invoke(name, "gcClassHistogram", new Object[] {new String[0]},
                new String[] {String[].class.getName()});
        java.util.Map<String, long[]> classes = new java.util.HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return classes;
    }

    /** The classes whose live bytes grew most, per port. */
    private static void printTopGrowth(java.util.Map<String, long[]> after, java.util.Map<String, long[]> before,
                                       int ports) {
        record Growth(String type, long instances, long bytes) {
        }
        List<Growth> growth = new ArrayList<>();
        after.forEach((type, a) -> {
            long[] b = before.getOrDefault(type, new long[2]);
            growth.add(new Growth(type, a[0] - b[0], a[1] - b[1]));
        });
        growth.sort(java.util.Comparator.comparingLong(Growth::bytes).reversed());
        long total = growth.stream().mapToLong(Growth::bytes).sum();
        System.out.printf(Locale.ROOT, "  histogram growth: %,d bytes in all; largest, per port:%n", total);
        growth.stream().limit(15).forEach(g -> System.out.printf(Locale.ROOT, "  %8.2f objects %8.0f bytes  %s%n",
                g.instances() / (double) ports, g.bytes() / (double) ports, g.type()));
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(200);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (i >= 4 && Math.abs(previous - used) < 64 * 1024) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** Child process: the simulator with one meter per port; prints each bound TCP port, runs until stdin closes. */
    private static void runSimulator(int collectors) throws Exception {
        try (Simulator simulator = BenchTopology.startSimulator(
                BenchTopology.simulatorConfig(collectors, PORTS, 1, 2400, Duration.ofMillis(50)))) {
            var ports = BenchTopology.boundPorts(simulator, PORTS);
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < collectors * PORTS; i++) {
                lines.append("PORT ").append(ports.applyAsInt(i)).append('\n');
            }
            System.out.print(lines);
            System.out.flush();
            while (System.in.read() >= 0) {
                // runs until the parent closes our stdin
            }
        }
    }
}
