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
 *
 * <p>Not a test: run by hand (see docs/benchmarks.md). Arguments (optional): collector counts,
 * default 100 200 (800 and 1,600 ports).
 */
public final class HeapPerPortBench {

    private static final int PORTS = 8;

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
            CollectionEngine engine = new CollectionEngine(BenchTopology.properties(Duration.ofMillis(200)),
                    Clock.systemUTC(), BenchTopology.SHANGHAI);
            engine.start(devices);
            BenchTopology.awaitConnected(engine, devices, Duration.ofSeconds(60));
            Thread.sleep(2000);   // let connect handshakes and first reads settle
            long connected = usedHeapAfterGc();
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
