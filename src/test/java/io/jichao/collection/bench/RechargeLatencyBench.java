package io.jichao.collection.bench;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.JichaoApplication;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.EngineRechargeDelivery;
import io.jichao.collection.EngineStatus;
import io.jichao.collection.ReadingWriter;
import io.jichao.collection.RechargeDeliveryFixtures;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.collection.RechargeDeliveryProperties;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffService;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.simulator.SimulatorConfig;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Issue 5 item 3: recharge latency, from placing the order ({@code RechargeService.placeOrder} as
 * a clerk, then the hand-over the service does) to CONFIRMED in the database. One DH601 port at
 * 2400 bps 8E1 with 8 prepaid DL/T 645-2007 meters (50 ms answer delay, 200 ms minimum gap,
 * production timeouts and retries); orders one after the other over the meters, on an otherwise
 * idle bus. A delivery is four exchanges when the engine knows the meter's remaining energy from
 * the last {@code known-remaining-max-age} (30 s; here: the meter's previous order, 8 orders ago) —
 * purchase count before, the write, count and remaining energy after — and five when it does not
 * (the first order to each meter: the remaining energy is read before the write too). The samples
 * are reported together and apart by the exchanges each took (the port's request counter).
 *
 * <p>With a typing time (fifth argument, ms; 0 by default, the figures above) the bench models the
 * clerk: the meter is picked, then the amount typed and confirmed {@code typing} later, and only
 * then is the order placed and the clock started. Picking a meter calls
 * {@code EngineRechargeDelivery.prepare} (what {@code RechargeService.prepareRecharge} does for the
 * recharge page), which reads the remaining energy meanwhile, unless the sixth argument is
 * {@code cold}. With 8 meters and 3 s of typing a meter's previous read-back is ≈ 38 s old, past
 * {@code known-remaining-max-age}, so without the read ahead every order takes five exchanges.
 *
 * <p>Boots the application on its own embedded MariaDB in target/bench-db (the engine off; this
 * bench starts its own over the simulator). Not a test: run by hand (see docs/benchmarks.md).
 * Arguments (optional): number of orders, baud rate, answer delay and minimum gap in ms (a fast
 * bus with no delay and no gap shows the software's share), typing time in ms, {@code cold} (pick
 * without the read ahead).
 */
public final class RechargeLatencyBench {

    private static final int METERS = 8;

    private RechargeLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int baud = args.length > 1 ? Integer.parseInt(args[1]) : 2400;
        Duration delay = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 50);
        Duration gap = Duration.ofMillis(args.length > 3 ? Long.parseLong(args[3]) : 200);
        Duration typing = Duration.ofMillis(args.length > 4 ? Long.parseLong(args[4]) : 0);
        boolean readAhead = typing.isPositive() && !(args.length > 5 && args[5].equals("cold"));
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(JichaoApplication.class)
                .profiles("test")
                .run("--jichao.embedded-db.data-dir=target/bench-db/" + System.nanoTime(),
                        "--jichao.simulator.enabled=false", "--server.port=0", "--logging.level.root=warn")) {
            RechargeProgress progress = context.getBean(RechargeProgress.class);
            RechargeService recharges = context.getBean(RechargeService.class);
            RechargeDeliveryFixtures fixtures = new RechargeDeliveryFixtures(context.getBean(MeterService.class),
                    context.getBean(SiteStructureService.class), context.getBean(TariffService.class), recharges,
                    context.getBean(UserDetailsService.class), context.getBean(Clock.class));
            List<ArchivedMeter> meters = fixtures.prepaidMeters(METERS);
            System.out.printf(Locale.ROOT, "%s; 1 port x %d prepaid meters, %d bps 8E1, delay %d ms, gap %d ms,"
                            + " %d orders, typing %d ms, read ahead on pick: %s%n", BenchTopology.machine(), METERS,
                    baud, delay.toMillis(), gap.toMillis(), orders, typing.toMillis(), readAhead);
            System.out.println("load average at start: " + BenchTopology.loadAverage());
            SimulatorConfig config = SimulatorConfig.of(7, List.of(CollectorConfig.server("R", Dh600Model.DH601,
                    List.of(PortConfig.of(1, BusProtocol.DLT645_2007, RechargeDeliveryFixtures.simulated(meters))
                            .withBaud(baud).withResponseDelay(delay)))));
            try (Simulator simulator = BenchTopology.startSimulator(config);
                 CollectionEngine engine = new CollectionEngine(BenchTopology.properties(gap), Clock.systemUTC(),
                         BenchTopology.SHANGHAI)) {
                List<CollectorDevice> devices = List.of(RechargeDeliveryFixtures.device(simulator, List.of(meters)));
                engine.start(devices);
                BenchTopology.awaitConnected(engine, devices, Duration.ofSeconds(30));
                EngineRechargeDelivery delivery = EngineRechargeDelivery.over(engine, progress,
                        context.getBean(JdbcTemplate.class), new RechargeDeliveryProperties(Duration.ofSeconds(5),
                                Duration.ofMinutes(5), Duration.ofSeconds(30), new BigDecimal("1.00"), "000000",
                                "00000000", Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(20)),
                        context.getBean(LockProvider.class),
                        Clock.systemUTC(), context.getBean(ReadingWriter.class));
                try {
                    List<Double> millis = new ArrayList<>();
                    Map<Long, List<Double>> byExchanges = new TreeMap<>();
                    for (int i = 0; i <= orders; i++) {
                        ArchivedMeter meter = meters.get(i % METERS);
                        if (typing.isPositive()) {
                            // The clerk picks the household, types the amount and confirms.
                            if (readAhead) {
                                delivery.prepare(meter.id());
                            }
                            Thread.sleep(typing);
                        }
                        long exchanges = requests(engine);
                        long start = System.nanoTime();
                        RechargeOrderView order = fixtures.order(meter.id(), (10 + i) + ".00");
                        delivery.deliver(RechargeDeliveryFixtures.instruction(order));
                        while (progress.find(order.id()).orElseThrow().state() != RechargeState.CONFIRMED) {
                            Thread.sleep(5);
                        }
                        if (i > 0) {
                            // The first one warms up the JIT and the connection pool.
                            double took = (System.nanoTime() - start) / 1e6;
                            millis.add(took);
                            byExchanges.computeIfAbsent(requests(engine) - exchanges, n -> new ArrayList<>()).add(took);
                        }
                    }
                    report("all orders", millis);
                    byExchanges.forEach((n, samples) -> report(n + " exchanges", samples));
                } finally {
                    delivery.stop();
                }
            }
            System.out.println("load average at end: " + BenchTopology.loadAverage());
        }
    }

    private static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "order placed -> CONFIRMED, %s: median %.0f ms, p95 %.0f ms, max %.0f ms,"
                        + " min %.0f ms (n=%d)%n", what, percentile(sorted, 0.50), percentile(sorted, 0.95),
                sorted.getLast(), sorted.getFirst(), sorted.size());
    }

    /** Exchanges asked of the engine's buses so far. */
    private static long requests(CollectionEngine engine) {
        return engine.status().collectors().stream().flatMap(c -> c.ports().stream())
                .mapToLong(EngineStatus.PortStatus::sent).sum();
    }

    private static double percentile(List<Double> sorted, double share) {
        int index = (int) Math.ceil(share * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
