package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditEvent;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.RechargeDeliveryFixtures.ArchivedMeter;
import io.jichao.collection.RechargeDeliveryStore.Delivery;
import io.jichao.collection.link.Priority;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeService;
import io.jichao.prepaid.RechargeState;
import io.jichao.prepaid.TariffService;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.shared.Kwh;
import io.jichao.simulator.ElectricMeter;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.Simulator;
import io.jichao.testing.JichaoSpringTest;
import net.javacrumbs.shedlock.core.LockProvider;

/**
 * Recharge orders delivered to simulated meters over TCP through the engine, on MariaDB: each
 * order credits its meter exactly once, whatever drops in between.
 */
@JichaoSpringTest
class EngineRechargeDeliveryIT {

    private static final Duration DELIVERED = Duration.ofSeconds(20);

    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private TariffService tariffs;
    @Autowired
    private RechargeService recharges;
    @Autowired
    private RechargeProgress progress;
    @Autowired
    private RechargeDeliveryStore store;
    @Autowired
    private AuditTrail audit;
    @Autowired
    private UserDetailsService users;
    @Autowired
    private Clock clock;
    @Autowired
    private LockProvider locks;
    @Autowired
    private ReadingWriter readings;
    @Autowired
    private JdbcTemplate jdbc;

    private RechargeDeliveryFixtures fixtures;
    private Simulator simulator;
    private final List<CollectionEngine> engines = new ArrayList<>();
    private final List<EngineRechargeDelivery> deliveries = new ArrayList<>();

    @BeforeEach
    void fixtures() {
        fixtures = new RechargeDeliveryFixtures(meters, structure, tariffs, recharges, users, clock);
    }

    @AfterEach
    void stop() {
        deliveries.forEach(EngineRechargeDelivery::stop);
        engines.forEach(CollectionEngine::stop);
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void a_recharge_is_written_read_back_and_confirmed_end_to_end() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine(Duration.ofMillis(300), List.of(archived)));
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();

        RechargeOrderView order = fixtures.order(meter.id(), "20.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 1);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("20.00")));
        Delivery record = store.find(order.id()).orElseThrow();
        assertThat(record.purchaseCountBefore()).isEqualTo(countBefore);
        assertThat(record.remainingBefore()).isEqualByComparingTo(remainingBefore);
        assertThat(record.purchaseCountAfter()).isEqualTo(countBefore + 1);
        assertThat(record.remainingAfter()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("20.00")));
        assertThat(record.writes()).isEqualTo(1);
        assertThat(progress.find(order.id()).orElseThrow().deliveryAttempts()).isEqualTo(1);
        assertThat(auditOf(order.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("purchase count " + countBefore + " -> " + (countBefore + 1))
                .doesNotContain("outside the tolerance");
        assertThat(delivery.queued()).isZero();
    }

    @Test
    void a_collector_that_drops_after_the_meter_applied_the_write_gets_a_read_back_and_no_second_write() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine(Duration.ofMillis(300), List.of(archived)));
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();
        simulator.faults().dropCollectorAfterNextWrite("R", 1, meter.address(), Duration.ofMillis(800));

        RechargeOrderView order = fixtures.order(meter.id(), "12.50");
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).as("credited once").isEqualTo(countBefore + 1);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("12.50")));
        assertThat(store.find(order.id()).orElseThrow().writes()).as("never written again").isEqualTo(1);
        assertThat(progress.find(order.id()).orElseThrow().deliveryAttempts()).isEqualTo(1);
        assertThat(auditOf(order.id(), "RECHARGE_FAILED_RETRYING")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("link down during write").contains("before: count " + countBefore);
        assertThat(auditOf(order.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("found applied on read-back before re-sending");
    }

    @Test
    void an_order_for_an_offline_meter_waits_and_is_delivered_once_the_meter_returns() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine(Duration.ofMillis(200), List.of(archived)));
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();
        simulator.faults().meterOffline("R", 1, meter.address(), true);

        RechargeOrderView order = fixtures.order(meter.id(), "30.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));

        await().atMost(DELIVERED).until(() -> store.find(order.id()).map(Delivery::attempts).orElse(0) >= 3);
        assertThat(progress.find(order.id()).orElseThrow().state()).as("queued, never sent")
                .isEqualTo(RechargeState.CREATED);
        Delivery waiting = store.find(order.id()).orElseThrow();
        assertThat(waiting.lastError()).contains("meter not reached before writing").contains("no answer");
        assertThat(waiting.hasBefore()).isFalse();
        assertThat(waiting.writes()).isZero();
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore);

        simulator.faults().meterOffline("R", 1, meter.address(), false);

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 1);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("30.00")));
        assertThat(store.find(order.id()).orElseThrow().writes()).isEqualTo(1);
    }

    @Test
    void an_application_stopped_while_the_write_was_unanswered_confirms_it_after_restart_without_writing_again() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine first = engine(Duration.ofSeconds(3), List.of(archived));
        EngineRechargeDelivery dying = delivery(first);
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();
        simulator.faults().loseNextWriteAnswer("R", 1, meter.address());

        RechargeOrderView order = fixtures.order(meter.id(), "8.00");
        dying.deliver(RechargeDeliveryFixtures.instruction(order));
        await().atMost(DELIVERED).until(() -> simulated.purchaseCount() == countBefore + 1);
        dying.stop();
        first.stop();

        assertThat(progress.find(order.id()).orElseThrow().state()).isEqualTo(RechargeState.SENT);
        EngineRechargeDelivery restarted = delivery(engine(Duration.ofMillis(300), List.of(archived)));
        restarted.start();

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).as("exactly one purchase").isEqualTo(countBefore + 1);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("8.00")));
        assertThat(store.find(order.id()).orElseThrow().writes()).isEqualTo(1);
        assertThat(progress.find(order.id()).orElseThrow().deliveryAttempts()).isEqualTo(1);
    }

    @Test
    void an_application_stopped_after_marking_sent_but_before_writing_writes_exactly_once_after_restart() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();
        RechargeOrderView order = fixtures.order(meter.id(), "5.00");
        // What a process did before it died: the "before" state stored, the order marked SENT, no write.
        store.attempt(order.id(), meter.id(), Clock.systemUTC().instant());
        store.before(order.id(), countBefore, remainingBefore);
        progress.markSent(order.id());

        EngineRechargeDelivery restarted = delivery(engine(Duration.ofMillis(300), List.of(archived)));
        restarted.start();

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 1);
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("5.00")));
        assertThat(store.find(order.id()).orElseThrow().writes()).isEqualTo(1);
        assertThat(auditOf(order.id(), "RECHARGE_FAILED_RETRYING")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("not applied, sending again");
    }

    @Test
    void twenty_concurrent_recharges_over_five_meters_credit_each_meter_the_sum_of_its_confirmed_orders()
            throws Exception {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(5);
        List<List<ArchivedMeter>> byPort = List.of(archived.subList(0, 3), archived.subList(3, 5));
        simulate(byPort);
        EngineRechargeDelivery delivery = delivery(engine(Duration.ofMillis(300), byPort));
        Map<Long, ElectricMeter> simulated = archived.stream().collect(Collectors.toMap(ArchivedMeter::id,
                m -> simulatedMeter(archived.indexOf(m) < 3 ? 1 : 2, m)));
        Map<Long, Integer> countsBefore = simulated.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().purchaseCount()));
        Map<Long, BigDecimal> remainingBefore = simulated.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().remainingKwh()));
        List<Callable<RechargeOrderView>> clicks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long meterId = archived.get(i % 5).id();
            String kwh = (i + 1) + ".25";
            String key = UUID.randomUUID().toString();
            // Each recharge clicked twice (double click or a second clerk): one order, handed over twice.
            for (int click = 0; click < 2; click++) {
                clicks.add(() -> {
                    RechargeOrderView order = fixtures.order(meterId, kwh, key);
                    delivery.deliver(RechargeDeliveryFixtures.instruction(order));
                    return order;
                });
            }
        }

        List<RechargeOrderView> placed = runTogether(clicks);

        List<Long> orderIds = placed.stream().map(RechargeOrderView::id).distinct().toList();
        assertThat(orderIds).hasSize(20);
        await().atMost(Duration.ofSeconds(60)).until(() -> orderIds.stream()
                .allMatch(id -> progress.find(id).orElseThrow().state() == RechargeState.CONFIRMED));
        for (ArchivedMeter meter : archived) {
            List<RechargeOrderView> ofMeter = placed.stream().filter(o -> o.meterId() == meter.id())
                    .filter(distinctById()).toList();
            BigDecimal confirmedKwh = ofMeter.stream().map(o -> o.kwh().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
            ElectricMeter meterOnBus = simulated.get(meter.id());
            assertThat(ofMeter).hasSize(4);
            assertThat(meterOnBus.purchaseCount()).isEqualTo(countsBefore.get(meter.id()) + 4);
            assertThat(meterOnBus.remainingKwh().subtract(remainingBefore.get(meter.id())))
                    .isEqualByComparingTo(confirmedKwh);
            // One delivery at a time per meter: each order's "before" is the previous order's "after".
            List<Delivery> records = ofMeter.stream().map(o -> store.find(o.id()).orElseThrow())
                    .sorted(Comparator.comparing(Delivery::purchaseCountBefore)).toList();
            for (int i = 0; i < records.size(); i++) {
                assertThat(records.get(i).writes()).isEqualTo(1);
                assertThat(records.get(i).purchaseCountBefore()).isEqualTo(countsBefore.get(meter.id()) + i);
                assertThat(records.get(i).purchaseCountAfter()).isEqualTo(countsBefore.get(meter.id()) + i + 1);
            }
        }
    }

    @Test
    void a_meter_read_moments_ago_is_recharged_in_four_exchanges_with_that_reading_as_its_remaining_before() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine engine = engine(Duration.ofMillis(300), List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine);
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();
        // An operator's "read now" just before the recharge, stored as the application stores it.
        MeterReadResult readNow = engine.read(meter.id(), Set.of(ReadingItem.REMAINING_ENERGY), Priority.OPERATOR)
                .orElseThrow();
        assertThat(readNow.succeeded()).isTrue();
        readings.submit(StoredReading.of(readNow, ReadingSource.OPERATOR));
        assertThat(readings.flush()).isTrue();
        long exchanges = requests(engine);

        RechargeOrderView order = fixtures.order(meter.id(), "20.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(requests(engine) - exchanges).as("count before, write, count and remaining after").isEqualTo(4);
        assertThat(simulated.purchaseCount()).isEqualTo(countBefore + 1);
        Delivery record = store.find(order.id()).orElseThrow();
        assertThat(record.purchaseCountBefore()).isEqualTo(countBefore);
        assertThat(record.remainingBefore()).isEqualByComparingTo(remainingBefore);
        assertThat(record.remainingAfter()).isEqualByComparingTo(remainingBefore.add(new BigDecimal("20.00")));
        assertThat(record.writes()).isEqualTo(1);
        assertThat(auditOf(order.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("remaining before: " + remainingBefore.setScale(2).toPlainString()
                        + " kWh from the OPERATOR reading").doesNotContain("outside the tolerance");
    }

    @Test
    void a_reading_older_than_the_allowed_age_is_not_used_and_the_remaining_energy_is_read_over_the_bus() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine engine = engine(Duration.ofMillis(300), List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine);
        ElectricMeter simulated = simulatedMeter(1, meter);
        BigDecimal remainingBefore = simulated.remainingKwh();
        Instant aMinuteAgo = Clock.systemUTC().instant().minusSeconds(60);
        readings.submit(List.of(new StoredReading(meter.id(), ReadingItem.REMAINING_ENERGY, new BigDecimal("1.00"),
                null, aMinuteAgo, ReadingSource.CYCLE)));
        assertThat(readings.flush()).isTrue();
        long exchanges = requests(engine);

        RechargeOrderView order = fixtures.order(meter.id(), "6.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(requests(engine) - exchanges).as("count and remaining before, write, both after").isEqualTo(5);
        assertThat(store.find(order.id()).orElseThrow().remainingBefore()).isEqualByComparingTo(remainingBefore);
        assertThat(auditOf(order.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().doesNotContain("remaining before:").doesNotContain("outside the tolerance");
    }

    @Test
    void a_second_recharge_starts_from_the_first_ones_read_back_not_from_a_reading_taken_before_it() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine engine = engine(Duration.ofMillis(300), List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine);
        ElectricMeter simulated = simulatedMeter(1, meter);
        BigDecimal remainingBefore = simulated.remainingKwh();
        // A cycle reading of the meter taken just before the first recharge: right for it, stale after it.
        readings.submit(List.of(new StoredReading(meter.id(), ReadingItem.REMAINING_ENERGY, remainingBefore, null,
                Clock.systemUTC().instant(), ReadingSource.CYCLE)));
        assertThat(readings.flush()).isTrue();
        RechargeOrderView first = fixtures.order(meter.id(), "10.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(first));
        awaitState(first.id(), RechargeState.CONFIRMED);
        long exchanges = requests(engine);

        RechargeOrderView second = fixtures.order(meter.id(), "4.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(second));

        awaitState(second.id(), RechargeState.CONFIRMED);
        assertThat(requests(engine) - exchanges).isEqualTo(4);
        BigDecimal afterFirst = remainingBefore.add(new BigDecimal("10.00"));
        assertThat(store.find(first.id()).orElseThrow().remainingBefore()).isEqualByComparingTo(remainingBefore);
        Delivery record = store.find(second.id()).orElseThrow();
        assertThat(record.remainingBefore()).isEqualByComparingTo(afterFirst);
        assertThat(record.remainingAfter()).isEqualByComparingTo(afterFirst.add(new BigDecimal("4.00")));
        assertThat(simulated.remainingKwh()).isEqualByComparingTo(afterFirst.add(new BigDecimal("4.00")));
        assertThat(auditOf(second.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("from the read-back of order " + first.id())
                .doesNotContain("outside the tolerance");
    }

    @Test
    void a_purchase_the_system_did_not_confirm_makes_the_delivery_read_the_remaining_energy_again() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine engine = engine(Duration.ofMillis(300), List.of(archived));
        EngineRechargeDelivery delivery = delivery(engine);
        ElectricMeter simulated = simulatedMeter(1, meter);
        RechargeOrderView first = fixtures.order(meter.id(), "10.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(first));
        awaitState(first.id(), RechargeState.CONFIRMED);
        // Another tool credits the meter behind the system's back: the first read-back no longer holds.
        MeterRoute route = engine.route(meter.id()).orElseThrow();
        new MeterRecharger(MeterProfile.dhdsyDefault(), RechargeDeliveryFixtures.FAST_RETRIES)
                .write(engine.link(route.port()).orElseThrow(), route, Kwh.of("3.00"));
        BigDecimal remainingNow = simulated.remainingKwh();
        long exchanges = requests(engine);

        RechargeOrderView second = fixtures.order(meter.id(), "4.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(second));

        awaitState(second.id(), RechargeState.CONFIRMED);
        assertThat(requests(engine) - exchanges).isEqualTo(5);
        assertThat(store.find(second.id()).orElseThrow().remainingBefore()).isEqualByComparingTo(remainingNow);
        assertThat(auditOf(second.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().doesNotContain("remaining before:").doesNotContain("outside the tolerance");
    }

    @Test
    void a_meter_read_ahead_while_the_clerk_types_is_recharged_in_four_exchanges() {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine engine = engine(Duration.ofMillis(300), List.of(archived));
        EngineRechargeDelivery delivery = readingAhead(engine, RechargeDeliveryFixtures.FAST_RETRIES);
        ElectricMeter simulated = simulatedMeter(1, meter);
        int countBefore = simulated.purchaseCount();
        BigDecimal remainingBefore = simulated.remainingKwh();
        long picked = requests(engine);

        delivery.prepare(meter.id());

        await().atMost(DELIVERED).until(() -> readings.flush() && !remainingReadings(meter.id()).isEmpty());
        assertThat(requests(engine) - picked).as("the remaining energy alone").isEqualTo(1);
        assertThat(remainingReadings(meter.id())).singleElement()
                .satisfies(value -> assertThat(value).isEqualByComparingTo(remainingBefore));
        long confirmed = requests(engine);

        RechargeOrderView order = fixtures.order(meter.id(), "15.00");
        delivery.deliver(RechargeDeliveryFixtures.instruction(order));

        awaitState(order.id(), RechargeState.CONFIRMED);
        assertThat(requests(engine) - confirmed).as("count before, write, count and remaining after").isEqualTo(4);
        assertThat(simulated.purchaseCount()).as("the count is still read at delivery").isEqualTo(countBefore + 1);
        Delivery record = store.find(order.id()).orElseThrow();
        assertThat(record.purchaseCountBefore()).isEqualTo(countBefore);
        assertThat(record.remainingBefore()).isEqualByComparingTo(remainingBefore);
        assertThat(record.writes()).isEqualTo(1);
        assertThat(auditOf(order.id(), "RECHARGE_READBACK")).singleElement().extracting(AuditEvent::getDetails)
                .asString().contains("from the OPERATOR reading").doesNotContain("outside the tolerance");
    }

    @Test
    void a_meter_picked_again_within_the_prepare_interval_is_read_ahead_only_once() throws InterruptedException {
        List<ArchivedMeter> archived = fixtures.prepaidMeters(1);
        ArchivedMeter meter = archived.getFirst();
        simulate(List.of(archived));
        CollectionEngine engine = engine(Duration.ofMillis(300), List.of(archived));
        RechargeDeliveryProperties f = RechargeDeliveryFixtures.FAST_RETRIES;
        Duration interval = Duration.ofMillis(1500);
        EngineRechargeDelivery delivery = readingAhead(engine, new RechargeDeliveryProperties(f.retryMin(),
                f.retryMax(), f.poll(), f.usageTolerance(), f.password(), f.operatorCode(), f.lockAtMostFor(),
                f.knownRemainingMaxAge(), interval));
        long before = requests(engine);

        delivery.prepare(meter.id());
        delivery.prepare(meter.id());
        delivery.prepare(meter.id());

        await().atMost(DELIVERED).until(() -> readings.flush() && remainingReadings(meter.id()).size() == 1);
        // Time for a wrongly started second read to reach the bus.
        Thread.sleep(interval.toMillis() / 2);
        assertThat(requests(engine) - before).as("three picks inside the window, one read").isEqualTo(1);

        await().atMost(DELIVERED).pollDelay(interval).until(() -> {
            delivery.prepare(meter.id());
            return readings.flush() && remainingReadings(meter.id()).size() == 2;
        });
        assertThat(requests(engine) - before).as("once the window passed, read again").isEqualTo(2);
    }

    private EngineRechargeDelivery readingAhead(CollectionEngine engine, RechargeDeliveryProperties properties) {
        EngineRechargeDelivery delivery = RechargeDeliveryFixtures.delivery(engine, progress, store, properties, locks,
                readings);
        deliveries.add(delivery);
        return delivery;
    }

    private List<BigDecimal> remainingReadings(long meterId) {
        return jdbc.queryForList("SELECT value FROM reading WHERE meter_id = ? AND item = 'REMAINING_ENERGY'"
                + " AND source = 'OPERATOR' ORDER BY read_at", BigDecimal.class, meterId);
    }

    /** Exchanges sent on the engine's buses so far. */
    private static long requests(CollectionEngine engine) {
        return engine.status().collectors().stream().flatMap(c -> c.ports().stream())
                .mapToLong(EngineStatus.PortStatus::sent).sum();
    }

    private static Predicate<RechargeOrderView> distinctById() {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        return order -> seen.add(order.id());
    }

    private void simulate(List<List<ArchivedMeter>> byPort) {
        List<PortConfig> ports = new ArrayList<>();
        for (int p = 0; p < byPort.size(); p++) {
            ports.add(EngineFixtures.port(p + 1, 9600, Duration.ZERO, RechargeDeliveryFixtures.simulated(byPort.get(p))));
        }
        simulator = RechargeDeliveryFixtures.simulator(ports);
    }

    private CollectionEngine engine(Duration answerTimeout, List<List<ArchivedMeter>> byPort) {
        CollectionEngine engine = new CollectionEngine(EngineFixtures.properties(answerTimeout, 1), Clock.systemUTC(),
                EngineFixtures.SHANGHAI);
        engines.add(engine);
        engine.start(List.of(RechargeDeliveryFixtures.device(simulator, byPort)));
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.status().collectors().getFirst().ports().stream()
                .allMatch(EngineStatus.PortStatus::connected));
        return engine;
    }

    private EngineRechargeDelivery delivery(CollectionEngine engine) {
        EngineRechargeDelivery delivery = RechargeDeliveryFixtures.delivery(engine, progress, store,
                RechargeDeliveryFixtures.FAST_RETRIES, locks);
        deliveries.add(delivery);
        return delivery;
    }

    private ElectricMeter simulatedMeter(int port, ArchivedMeter meter) {
        return simulator.electricMeter("R", port, meter.address());
    }

    private void awaitState(long orderId, RechargeState state) {
        await().atMost(DELIVERED).until(() -> progress.find(orderId).orElseThrow().state() == state);
    }

    private List<AuditEvent> auditOf(long orderId, String action) {
        return audit.byAction(action).stream().filter(e -> e.getDetails().startsWith("order " + orderId + " ")
                || e.getDetails().startsWith("order " + orderId + ":")).toList();
    }

    /** Runs the calls on their own threads, released at the same instant. */
    private static List<RechargeOrderView> runTogether(List<Callable<RechargeOrderView>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch ready = new CountDownLatch(calls.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<RechargeOrderView>> futures = new ArrayList<>();
            for (Callable<RechargeOrderView> call : calls) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<RechargeOrderView> results = new ArrayList<>();
            for (Future<RechargeOrderView> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
