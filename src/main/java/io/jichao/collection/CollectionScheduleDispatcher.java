package io.jichao.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;

/**
 * Starts the stored reading schedules when they are due. Every tick it looks at the enabled
 * schedules and starts each due one that is not already running here on its own virtual thread.
 * A run takes the ShedLock lock {@code collection-schedule-<id>} and reads the schedule again
 * under it, so of several processes exactly one runs it, and a process that waited for the lock
 * sees the run the other one just finished (its next run lies ahead) and does nothing.
 *
 * <p>The next run is computed when a run ends: interval schedules count from that end, daily ones
 * take their next time of day in Asia/Shanghai. Runs of one schedule never overlap; different
 * schedules may run at once (their reads share each bus's queue).
 */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class CollectionScheduleDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectionScheduleDispatcher.class);
    static final ZoneId SCHEDULE_ZONE = ScheduleTiming.LOCAL_ZONE;

    private final CollectionEngine engine;
    private final CollectionCycleJob cycles;
    private final CollectionScheduleStore store;
    private final ScheduleProgress progress;
    private final LockProvider locks;
    private final Clock clock;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService runs = Executors.newVirtualThreadPerTaskExecutor();

    CollectionScheduleDispatcher(CollectionEngine engine, CollectionCycleJob cycles, CollectionScheduleStore store,
                                 ScheduleProgress progress, LockProvider locks, Clock clock) {
        this.engine = engine;
        this.cycles = cycles;
        this.store = store;
        this.progress = progress;
        this.locks = locks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${jichao.collection.cycle.tick:20s}",
            initialDelayString = "${jichao.collection.cycle.initial-delay:30s}")
    void tick() {
        if (engine.running()) {
            dispatchDue();
        }
    }

    /** Starts every due schedule not running in this process; the futures end with their runs. */
    List<CompletableFuture<Boolean>> dispatchDue() {
        Instant now = clock.instant();
        List<CompletableFuture<Boolean>> started = new ArrayList<>();
        for (CollectionSchedule schedule : store.enabled()) {
            if (schedule.nextRunAt() == null && schedule.timing() instanceof ScheduleTiming.DailyAt daily) {
                store.plan(schedule.id(), daily.first(now, SCHEDULE_ZONE));
            } else if (schedule.dueAt(now) && running.add(schedule.id())) {
                started.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return runIfDue(schedule.id());
                    } finally {
                        running.remove(schedule.id());
                    }
                }, runs));
            }
        }
        return started;
    }

    /**
     * Runs the schedule now if it is enabled and due and no other process holds its lock; blocks
     * for the run. False when it did not run.
     */
    boolean runIfDue(long scheduleId) {
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(clock.instant(), lockName(scheduleId),
                engine.properties().cycle().lockAtMostFor(), Duration.ZERO));
        if (lock.isEmpty()) {
            return false;
        }
        try {
            Optional<CollectionSchedule> due = store.find(scheduleId).filter(s -> s.dueAt(clock.instant()));
            due.ifPresent(this::run);
            return due.isPresent();
        } finally {
            lock.get().unlock();
        }
    }

    static String lockName(long scheduleId) {
        return "collection-schedule-" + scheduleId;
    }

    private void run(CollectionSchedule schedule) {
        Instant started = clock.instant();
        store.started(schedule.id(), started);
        CycleProgress result;
        try {
            result = cycles.run(schedule.items(), schedule.scope(), update -> progress.update(schedule.id(), update));
        } catch (RuntimeException failed) {
            // The engine stopped mid-run, or the archive could not be read: the run counts as empty,
            // and the schedule stays planned so the next start is not lost.
            log.warn("Schedule {} ({}) failed: {}", schedule.id(), schedule.name(), failed.toString());
            result = new CycleProgress(started, 0, 0, 0, clock.instant());
        } finally {
            progress.clear(schedule.id());
        }
        Instant finished = result.finished() == null ? clock.instant() : result.finished();
        // Read again: an operator may have changed or disabled the schedule while it ran.
        Instant next = store.find(schedule.id()).filter(CollectionSchedule::enabled)
                .map(current -> current.timing().next(finished, SCHEDULE_ZONE)).orElse(null);
        store.finished(schedule.id(), result, next);
        progress.finished(schedule.id());
        log.info("Schedule {} ({}): {} meters, {} read, {} failed", schedule.id(), schedule.name(), result.total(),
                result.succeeded(), result.failed());
    }

    @Override
    public void close() {
        runs.shutdownNow();
    }
}
