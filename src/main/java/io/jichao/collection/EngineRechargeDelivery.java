package io.jichao.collection;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.MeterRecharger.Count;
import io.jichao.collection.MeterRecharger.Figures;
import io.jichao.collection.MeterRecharger.Reading;
import io.jichao.collection.RechargeDeliveryStore.Delivery;
import io.jichao.collection.RechargeDeliveryStore.KnownRemaining;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.prepaid.RechargeDelivery;
import io.jichao.prepaid.RechargeInstruction;
import io.jichao.prepaid.RechargeOrderView;
import io.jichao.prepaid.RechargeProgress;
import io.jichao.prepaid.RechargeState;
import io.jichao.protocol.dlt645.MeterProfile;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Delivers recharge orders to the meters through the engine, exactly once. {@link #deliver} only
 * queues; one virtual thread per meter works through that meter's orders in order id order, so a
 * meter never has two deliveries at once and the purchase count moves by one per order.
 *
 * <p>Each attempt reads the meter's purchase count first. The first count, with the remaining
 * energy, is stored as the order's "before" state, then the order is marked SENT and the recharge
 * written once. The remaining energy before is the engine's own if it knows a recent one (a stored
 * reading, or the meter's last read-back, no older than {@code known-remaining-max-age}), else one
 * more read; it only feeds the read-back audit and the reconciliation. Every later attempt, whatever interrupted the previous one (a timeout, a dropped link, a
 * restart), compares the count with that stored "before": a higher count means the write landed
 * and the order is confirmed without writing again. Unreachable meters keep their orders waiting,
 * retried with back-off; {@link #resume} (at start and every {@code poll}) picks up orders handed
 * over while no engine ran and orders left SENT by a process that stopped mid-delivery.
 *
 * <p>{@link #prepare} (a clerk opened the meter on the recharge page) reads the remaining energy
 * ahead of the order, at most once per meter per {@code prepare-interval}, and stores it like any
 * reading, so the delivery that follows finds it known and needs one exchange less. The purchase
 * count is never taken from it: the delivery still reads that first.
 */
public final class EngineRechargeDelivery implements RechargeDelivery {

    private static final Logger log = LoggerFactory.getLogger(EngineRechargeDelivery.class);
    private static final int RESUME_BATCH = 1000;
    private static final Duration STOP_SLICE = Duration.ofMillis(50);

    /** DONE: off the queue; SKIP: off the queue until the poll brings it back; WAIT: retry after back-off. */
    private enum Step { DONE, SKIP, WAIT, STOPPED }

    /** One meter's orders by id; {@code worker} is the thread working them, null when idle. */
    private static final class MeterQueue {
        final TreeMap<Long, RechargeInstruction> pending = new TreeMap<>();
        Thread worker;
    }

    private final CollectionEngine engine;
    private final RechargeProgress progress;
    private final RechargeDeliveryStore store;
    private final RechargeDeliveryProperties properties;
    private final MeterRecharger recharger;
    private final LockProvider locks;
    private final Clock clock;
    private final Consumer<MeterReadResult> readings;
    private final Map<Long, MeterQueue> queues = new ConcurrentHashMap<>();
    /** When each meter was last read ahead of a recharge, for the debounce of {@link #prepare}. */
    private final Map<Long, Instant> prepared = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    private Thread poller;

    EngineRechargeDelivery(CollectionEngine engine, RechargeProgress progress, RechargeDeliveryStore store,
                           RechargeDeliveryProperties properties, MeterRecharger recharger, LockProvider locks,
                           Clock clock, Consumer<MeterReadResult> readings) {
        this.readings = readings;
        this.locks = locks;
        this.engine = engine;
        this.progress = progress;
        this.store = store;
        this.properties = properties;
        this.recharger = recharger;
        this.clock = clock;
    }

    /**
     * A delivery over an engine built by hand (benchmarks), with the DHDSY profile; readings taken by
     * {@link #prepare} go to {@code writer} as OPERATOR readings.
     */
    public static EngineRechargeDelivery over(CollectionEngine engine, RechargeProgress progress, JdbcTemplate jdbc,
                                              RechargeDeliveryProperties properties, LockProvider locks,
                                              Clock clock, ReadingWriter writer) {
        return new EngineRechargeDelivery(engine, progress, new RechargeDeliveryStore(jdbc), properties,
                new MeterRecharger(MeterProfile.dhdsyDefault(), properties), locks, clock,
                result -> writer.submit(StoredReading.of(result, ReadingSource.OPERATOR)));
    }

    @Override
    public void deliver(RechargeInstruction instruction) {
        if (stopped) {
            return;
        }
        MeterQueue queue = queues.computeIfAbsent(instruction.meterId(), id -> new MeterQueue());
        synchronized (queue) {
            queue.pending.putIfAbsent(instruction.orderId(), instruction);
            if (queue.worker == null) {
                queue.worker = Thread.ofVirtual().name("recharge-meter-" + instruction.meterId())
                        .start(() -> work(queue));
            }
        }
    }

    /**
     * Reads the meter's remaining energy on a virtual thread at WRITE priority and hands the result
     * to the engine's reading storage, unless the meter was read this way within the last
     * {@code prepare-interval} (clicking around the recharge page must not flood the bus), an order
     * of it is already queued here (its delivery reads anyway and leaves a read-back), the profile
     * reads back another item than the reading's, or the engine is stopped. Returns at once.
     */
    @Override
    public void prepare(long meterId) {
        Duration interval = properties.prepareInterval();
        if (stopped || interval == null || !interval.isPositive() || !recharger.remainingIsReadingItem()
                || !onABusNow(meterId) || hasPending(meterId)) {
            return;
        }
        Instant now = clock.instant();
        boolean[] due = {false};
        prepared.compute(meterId, (id, last) -> {
            if (last != null && now.isBefore(last.plus(interval))) {
                return last;
            }
            due[0] = true;
            return now;
        });
        if (due[0]) {
            Thread.ofVirtual().name("recharge-prepare-" + meterId).start(() -> readAhead(meterId));
        }
    }

    private void readAhead(long meterId) {
        try {
            Optional<MeterReadResult> result =
                    engine.read(meterId, Set.of(ReadingItem.REMAINING_ENERGY), Priority.WRITE);
            if (result.isPresent() && !stopped) {
                readings.accept(result.get());
            }
        } catch (RuntimeException failed) {
            // Only a hint: the delivery reads the remaining energy itself when nothing recent is known.
            log.warn("Reading meter {} ahead of a recharge failed: {}", meterId, failed.toString());
        }
    }

    private boolean onABusNow(long meterId) {
        return engine.running() && engine.route(meterId).isPresent();
    }

    private boolean hasPending(long meterId) {
        MeterQueue queue = queues.get(meterId);
        if (queue == null) {
            return false;
        }
        synchronized (queue) {
            return !queue.pending.isEmpty();
        }
    }

    /** Looks up orders left SENT and waiting ones now, then every {@code poll} until stopped. */
    public synchronized void start() {
        if (poller == null && !stopped) {
            log.info("Recharge delivery started: orders waiting or left SENT are looked up every {}", properties.poll());
            poller = Thread.ofVirtual().name("recharge-poll").start(() -> {
                do {
                    try {
                        resume();
                    } catch (RuntimeException failed) {
                        log.warn("Looking up recharge orders to deliver failed: {}", failed.toString());
                    }
                } while (pause(properties.poll()));
            });
        }
    }

    /** Queues every order left SENT and every order awaiting delivery, oldest first. */
    public void resume() {
        progress.leftSent(RESUME_BATCH).forEach(this::deliver);
        progress.awaitingDelivery(RESUME_BATCH).forEach(this::deliver);
    }

    /**
     * Stops at once, like a process that ends: workers report nothing after this, so an order
     * being written stays SENT for the next process to read back. Threads are not interrupted
     * (that could break a JDBC connection mid-statement); they see the flag within a slice.
     */
    public void stop() {
        stopped = true;
    }

    /** Orders queued in this process and not yet confirmed (for status and tests). */
    public int queued() {
        return queues.values().stream().mapToInt(queue -> {
            synchronized (queue) {
                return queue.pending.size();
            }
        }).sum();
    }

    private void work(MeterQueue queue) {
        int failures = 0;
        while (true) {
            RechargeInstruction next;
            synchronized (queue) {
                if (stopped || queue.pending.isEmpty()) {
                    queue.worker = null;
                    return;
                }
                next = queue.pending.firstEntry().getValue();
            }
            Step step;
            try {
                step = locked(next);
            } catch (RuntimeException failed) {
                // The database or a report refused; the order keeps its state and is tried again.
                log.warn("Recharge order {} delivery attempt failed: {}", next.orderId(), failed.toString());
                step = Step.WAIT;
            }
            if (step == Step.DONE || step == Step.SKIP) {
                failures = step == Step.DONE ? 0 : failures;
                synchronized (queue) {
                    queue.pending.remove(next.orderId());
                }
            } else if (step == Step.STOPPED || !pause(properties.backoff(++failures))) {
                synchronized (queue) {
                    queue.worker = null;
                }
                return;
            }
        }
    }

    /**
     * An attempt under the meter's ShedLock lock, so that a second engine process (or one that
     * has not quite stopped) never delivers to the same meter at the same time.
     */
    private Step locked(RechargeInstruction instruction) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(),
                "recharge-meter-" + instruction.meterId(), properties.lockAtMostFor(), Duration.ZERO));
        if (lock.isEmpty()) {
            return Step.WAIT;
        }
        try {
            return attempt(instruction);
        } finally {
            lock.get().unlock();
        }
    }

    /** One attempt at one order: read, maybe write, read back. */
    private Step attempt(RechargeInstruction instruction) {
        long orderId = instruction.orderId();
        Optional<RechargeOrderView> order = progress.find(orderId);
        if (order.isEmpty() || order.get().state() == RechargeState.CONFIRMED
                || order.get().state() == RechargeState.CANCELLED) {
            return Step.DONE;
        }
        RechargeState state = order.get().state();
        Optional<MeterRoute> route = engine.running() ? engine.route(instruction.meterId()) : Optional.empty();
        Optional<PortLink> link = route.flatMap(r -> engine.link(r.port()));
        if (route.isEmpty() || link.isEmpty()) {
            // Not on a bus of this engine (no port, or the engine is not running): the poll finds it again.
            return Step.SKIP;
        }
        store.attempt(orderId, instruction.meterId(), clock.instant());
        String unsupported = MeterRecharger.unsupported(route.get());
        if (unsupported != null) {
            return waitFor(orderId, state, unsupported);
        }
        // The count is the exactly-once anchor: always read from the meter before anything is written.
        Reading counted = recharger.count(link.get(), route.get());
        if (stopped) {
            return Step.STOPPED;
        }
        if (!(counted instanceof Count count)) {
            return waitFor(orderId, state, "meter not reached before writing: " + counted);
        }
        Delivery delivery = store.find(orderId).orElseThrow();
        if (delivery.hasBefore() && count.purchaseCount() > delivery.purchaseCountBefore()) {
            Reading now = recharger.remaining(link.get(), route.get(), count);
            if (stopped) {
                return Step.STOPPED;
            }
            if (!(now instanceof Figures current)) {
                return waitFor(orderId, state, "found applied, read-back incomplete: " + now);
            }
            if (state == RechargeState.CREATED) {
                // Cannot happen in this order of steps (SENT is marked before writing); kept consistent anyway.
                progress.markSent(orderId);
            }
            confirm(instruction, delivery, current, "found applied on read-back before re-sending");
            return Step.DONE;
        }
        String beforeSource = null;
        if (!delivery.hasBefore()) {
            Optional<KnownRemaining> known = knownRemaining(instruction, count);
            BigDecimal remaining;
            if (known.isPresent()) {
                remaining = known.get().remaining();
                beforeSource = "remaining before: " + known.get();
            } else {
                Reading before = recharger.remaining(link.get(), route.get(), count);
                if (stopped) {
                    return Step.STOPPED;
                }
                if (!(before instanceof Figures figures)) {
                    return waitFor(orderId, state, "meter not reached before writing: " + before);
                }
                remaining = figures.remaining();
            }
            delivery = store.before(orderId, count.purchaseCount(), remaining);
        }
        if (state == RechargeState.SENT) {
            progress.markFailed(orderId, "interrupted before the meter's answer; read-back " + count
                    + " (before: count " + delivery.purchaseCountBefore() + "): not applied, sending again");
        }
        progress.markSent(orderId);
        if (stopped) {
            return Step.STOPPED;
        }
        store.wrote(orderId);
        String written = recharger.write(link.get(), route.get(), instruction.energy());
        if (stopped) {
            return Step.STOPPED;
        }
        Reading after = recharger.read(link.get(), route.get());
        if (stopped) {
            return Step.STOPPED;
        }
        if (after instanceof Figures back && back.purchaseCount() > delivery.purchaseCountBefore()) {
            confirm(instruction, delivery, back, beforeSource == null ? written : written + "; " + beforeSource);
            return Step.DONE;
        }
        String reason = written + "; read-back " + after + "; before: count " + delivery.purchaseCountBefore()
                + ", remaining " + delivery.remainingBefore().toPlainString() + " kWh";
        store.failed(orderId, reason);
        progress.markFailed(orderId, reason);
        return Step.WAIT;
    }

    /**
     * The engine's recent remaining energy of the meter, when the profile reads back the same item
     * and one no older than {@code known-remaining-max-age} exists (see
     * {@link RechargeDeliveryStore#knownRemaining}); empty means: read it over the bus.
     */
    private Optional<KnownRemaining> knownRemaining(RechargeInstruction instruction, Count count) {
        Duration maxAge = properties.knownRemainingMaxAge();
        if (maxAge == null || !maxAge.isPositive() || !recharger.remainingIsReadingItem()) {
            return Optional.empty();
        }
        return store.knownRemaining(instruction.meterId(), instruction.orderId(), count.purchaseCount(),
                clock.instant().minus(maxAge));
    }

    /** The meter was not reached: CREATED stays CREATED (never sent), SENT becomes FAILED_RETRYING. */
    private Step waitFor(long orderId, RechargeState state, String reason) {
        store.failed(orderId, reason);
        if (state == RechargeState.SENT) {
            progress.markFailed(orderId, reason);
        }
        return Step.WAIT;
    }

    private void confirm(RechargeInstruction instruction, Delivery delivery, Figures back, String how) {
        BigDecimal rise = back.remaining().subtract(delivery.remainingBefore());
        BigDecimal energy = instruction.energy().value();
        int counted = back.purchaseCount() - delivery.purchaseCountBefore();
        StringBuilder note = new StringBuilder(how).append("; purchase count ").append(delivery.purchaseCountBefore())
                .append(" -> ").append(back.purchaseCount()).append(", remaining ")
                .append(delivery.remainingBefore().toPlainString()).append(" -> ")
                .append(back.remaining().toPlainString()).append(" kWh for ").append(energy.toPlainString())
                .append(" kWh ordered");
        if (counted != 1) {
            note.append("; the meter counted ").append(counted).append(" purchases");
        }
        if (rise.compareTo(energy.add(new BigDecimal("0.01"))) > 0
                || rise.compareTo(energy.subtract(properties.usageTolerance())) < 0) {
            note.append("; remaining rose by ").append(rise.toPlainString()).append(" kWh, outside the tolerance");
        }
        store.confirmed(instruction.orderId(), back.purchaseCount(), back.remaining());
        progress.markConfirmed(instruction.orderId(), note.toString());
    }

    /** Waits, in short slices so a stop is seen quickly; false when stopped. */
    private boolean pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (!stopped) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                Thread.sleep(Duration.ofNanos(Math.min(left, STOP_SLICE.toNanos())));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
