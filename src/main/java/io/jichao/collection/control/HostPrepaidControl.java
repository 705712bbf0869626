package io.jichao.collection.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.jichao.collection.link.Priority;
import io.jichao.prepaid.HostBalanceChanged;
import io.jichao.prepaid.HostDebitOutcome;
import io.jichao.prepaid.HostDebitService;

/**
 * The engine's side of host-side prepaid (主站费控). After the {@code ReadingWriter} commits a batch it
 * hands over the batch's meters; on a thread of its own (never the Netty event loop, never the
 * writer's) the HOST_PREPAID ones among them are debited from their stored readings, a chunk of
 * meters per transaction ({@link HostDebitService}). A household whose balance is at or below zero
 * has its relay tripped through the one relay path (read-back, record, audit) — but only when a
 * cut-off is allowed now (friendly hours, {@link GentleCutoffPolicy}); otherwise the first reading
 * debited in friendly time trips it. A recharge that brings the balance above zero closes it.
 *
 * <p>A pass that fails (database down) is logged and leaves the readings undebited; the meter's next
 * stored reading debits everything since the last debit, so nothing is lost or doubled.
 */
public class HostPrepaidControl implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HostPrepaidControl.class);
    static final String ACTOR = "engine";
    /** Meters per statement and transaction. */
    static final int CHUNK = 500;

    private final HostReadings readings;
    private final HostDebitService debits;
    private final GentleCutoffStore cutoff;
    private final GentleCutoffPolicy policy;
    private final RelayPath relays;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("host-prepaid").factory());

    HostPrepaidControl(HostReadings readings, HostDebitService debits, GentleCutoffStore cutoff,
                       GentleCutoffPolicy policy, RelayPath relays) {
        this.readings = readings;
        this.debits = debits;
        this.cutoff = cutoff;
        this.policy = policy;
        this.relays = relays;
    }

    /** The writer has committed readings of these meters: debit them soon, on the worker. */
    public void storedReadings(Set<Long> meterIds) {
        pending.addAll(meterIds);
        if (queued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    /** Waits until every meter handed over so far has been debited (tests, benchmark). */
    public void drain(long timeoutSeconds) throws Exception {
        worker.submit(() -> { }).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Debits these meters now on the calling thread and enforces the relay; the outcomes of the host-side ones. */
    public List<HostDebitOutcome> debit(Collection<Long> meterIds) {
        List<HostDebitOutcome> outcomes = new ArrayList<>();
        List<Long> all = List.copyOf(meterIds);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> hosts = readings.hostMeters(all.subList(from, Math.min(all.size(), from + CHUNK)));
            if (hosts.isEmpty()) {
                continue;
            }
            List<HostDebitOutcome> chunk = debits.debit(readings.after(hosts, debits.debitedUpTo(hosts)));
            chunk.forEach(this::enforce);
            outcomes.addAll(chunk);
        }
        return outcomes;
    }

    /** A recharge of a host-side household committed: close the relay if it was tripped and is paid for now. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onBalanceChanged(HostBalanceChanged changed) {
        if (changed.cause() == HostBalanceChanged.Cause.RECHARGE && changed.balance().isPositive()) {
            worker.execute(() -> {
                try {
                    debits.state(changed.meterId()).ifPresent(this::enforce);
                } catch (RuntimeException e) {
                    log.warn("Closing host-side prepaid meter {} after a recharge failed: {}", changed.meterId(),
                            e.toString());
                }
            });
        }
    }

    private void drain() {
        queued.set(false);
        List<Long> meters = new ArrayList<>(pending);
        pending.removeAll(meters);
        try {
            debit(meters);
        } catch (RuntimeException e) {
            log.warn("Host-side prepaid debiting of {} meters failed; their next readings debit it: {}",
                    meters.size(), e.toString());
        }
    }

    /** Trips at no balance (when a cut-off is allowed now), closes a trip that has been paid off. */
    private void enforce(HostDebitOutcome outcome) {
        if (outcome.exhausted() && !outcome.relayOpen()) {
            if (policy.cutOffAllowedNow(cutoff.hours())) {
                move(outcome.meterId(), RelayCommand.TRIP, true);
            }
        } else if (!outcome.exhausted() && outcome.relayOpen()) {
            move(outcome.meterId(), RelayCommand.CLOSE, false);
        }
    }

    private void move(long meterId, RelayCommand command, boolean open) {
        relays.send(meterId, command, RelayReason.HOST_PREPAID, ACTOR, Priority.WRITE)
                .filter(RelayOutcome::verified)
                .ifPresentOrElse(verified -> debits.relayMoved(meterId, open),
                        () -> log.warn("Host-side prepaid {} of meter {} not verified; tried again after its next reading",
                                command, meterId));
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
