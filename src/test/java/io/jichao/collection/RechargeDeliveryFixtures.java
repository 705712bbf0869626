package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.CollectorModel;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.prepaid.Payment;
import io.jichao.prepaid.PricePerKwh;
import io.jichao.prepaid.RechargeAmount;
import io.jichao.prepaid.RechargeInstruction;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeRequest;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.TariffPlan;
import io.jichao.prepaid.TariffService;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.testing.LoginSupport;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Prepaid meters of the recharge delivery tests' own in the archive (buildings A and B, the
 * clerk's district), a simulator whose meters have their addresses, the engine's view of it and
 * delivery instances over the shared database.
 */
public final class RechargeDeliveryFixtures {

    static final RechargeDeliveryProperties FAST_RETRIES = new RechargeDeliveryProperties(Duration.ofMillis(100),
            Duration.ofMillis(400), Duration.ofMillis(300), new BigDecimal("1.00"), "000000", "00000000",
            Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofSeconds(20));
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);
    private static final AtomicInteger COLLECTOR_IDS = new AtomicInteger(900_000);

    private final MeterService meters;
    private final SiteStructureService structure;
    private final TariffService tariffs;
    private final RechargeService recharges;
    private final UserDetailsService users;
    private final Clock clock;

    public RechargeDeliveryFixtures(MeterService meters, SiteStructureService structure, TariffService tariffs,
                             RechargeService recharges, UserDetailsService users, Clock clock) {
        this.clock = clock;
        this.meters = meters;
        this.structure = structure;
        this.tariffs = tariffs;
        this.recharges = recharges;
        this.users = users;
    }

    /** A meter of the archive and the address it answers at. */
    public record ArchivedMeter(long id, String address) {
    }

    /** {@code count} new prepaid 2007 meters with households and a flat tariff of 0.5 yuan. */
    public List<ArchivedMeter> prepaidMeters(int count) {
        LoginSupport.loginAs(users, "super");
        List<ArchivedMeter> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String building = i % 2 == 0 ? "A" : "B";
            long buildingId = structure.buildings().stream().filter(b -> b.code().equals(building))
                    .findFirst().orElseThrow().id();
            int n = SEQUENCE.incrementAndGet();
            String address = "78" + RUN + String.format("%05d", n);
            long id = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                    BillingMode.PREPAID, buildingId, null, null, null, 1, 1, new BigDecimal("10"), null, null,
                    "R" + RUN + "-" + n, "Delivery test " + n, List.of()));
            created.add(new ArchivedMeter(id, address));
        }
        LoginSupport.loginAs(users, "finance");
        long groupId = tariffs.createGroup("delivery-" + RUN + "-" + SEQUENCE.incrementAndGet());
        tariffs.addVersion(groupId, LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)), new TariffPlan.Flat(PricePerKwh.of("0.5000")));
        created.forEach(meter -> tariffs.assignMeter(groupId, meter.id()));
        LoginSupport.logout();
        return created;
    }

    /** Places an order as the clerk for {@code kwh}, with its own idempotency key. */
    public RechargeOrderView order(long meterId, String kwh) {
        return order(meterId, kwh, UUID.randomUUID().toString());
    }

    RechargeOrderView order(long meterId, String kwh, String key) {
        LoginSupport.loginAs(users, "clerk");
        try {
            return recharges.placeOrder(new RechargeRequest(meterId, RechargeAmount.of(Kwh.of(kwh)), Payment.cash(),
                    key));
        } finally {
            LoginSupport.logout();
        }
    }

    /** What the recharge service hands the delivery after the order's transaction committed. */
    public static RechargeInstruction instruction(RechargeOrderView order) {
        return new RechargeInstruction(order.id(), order.meterId(), order.kwh());
    }

    /** Prepaid simulator meters with 100 kWh of credit and no consumption (the clock stands). */
    public static List<MeterConfig> simulated(List<ArchivedMeter> archived) {
        return archived.stream().map(m -> EngineFixtures.meter(m.address(), "500")).toList();
    }

    static Simulator simulator(List<PortConfig> ports) {
        return EngineFixtures.start(CollectorConfig.server("R", Dh600Model.DH604, ports));
    }

    /** The engine's view of simulator collector "R": archive meter ids on the simulated ports. */
    public static CollectorDevice device(Simulator simulator, List<List<ArchivedMeter>> metersByPort) {
        List<PortDevice> ports = new ArrayList<>();
        for (int p = 0; p < metersByPort.size(); p++) {
            int number = p + 1;
            List<MeterDevice> devices = metersByPort.get(p).stream().map(m -> new MeterDevice(m.id(), m.address(), null,
                    MeterProtocol.DLT645_2007, Phase.SINGLE, null, BillingMode.PREPAID)).toList();
            int baud = simulator.config().collectors().getFirst().ports().get(p).baud();
            ports.add(new PortDevice(number, baud, Parity.EVEN, MeterProtocol.DLT645_2007,
                    simulator.boundPort("R", number), devices));
        }
        return new CollectorDevice(COLLECTOR_IDS.incrementAndGet(), "R", CollectorModel.DH604, ConnectionMode.SERVER,
                "127.0.0.1", null, ports);
    }

    /** A delivery for tests that never call {@code prepare}: reads ahead of a recharge would be discarded. */
    static EngineRechargeDelivery delivery(CollectionEngine engine, RechargeProgress progress,
                                           RechargeDeliveryStore store, RechargeDeliveryProperties properties,
                                           LockProvider locks) {
        return new EngineRechargeDelivery(engine, progress, store, properties,
                new MeterRecharger(MeterProfile.dhdsyDefault(), properties), locks, Clock.systemUTC(), result -> { });
    }

    /** A delivery whose reads ahead of a recharge go to {@code writer} as OPERATOR readings, as in production. */
    static EngineRechargeDelivery delivery(CollectionEngine engine, RechargeProgress progress,
                                           RechargeDeliveryStore store, RechargeDeliveryProperties properties,
                                           LockProvider locks, ReadingWriter writer) {
        return new EngineRechargeDelivery(engine, progress, store, properties,
                new MeterRecharger(MeterProfile.dhdsyDefault(), properties), locks, Clock.systemUTC(),
                result -> writer.submit(StoredReading.of(result, ReadingSource.OPERATOR)));
    }
}
