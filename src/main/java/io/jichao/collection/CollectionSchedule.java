package io.jichao.collection;

import java.time.Instant;
import java.util.Set;

/**
 * A stored reading schedule: what it reads, when, and from which collectors (none listed = every
 * enabled collector). {@code lastRun} is null before the first run; {@code nextRunAt} is null while
 * no run is planned (see {@link ScheduleTiming#first}).
 */
public record CollectionSchedule(long id, String name, boolean enabled, Set<ReadingItem> items,
                                 ScheduleTiming timing, Set<Long> collectorIds, LastRun lastRun, Instant nextRunAt) {

    /**
     * The latest run: {@code finishedAt} and the counts are null while it is running; its
     * {@code coverage} (partial, unreached and not included meters) is {@link CycleCoverage#NONE}
     * then, and for runs stored before coverage was kept.
     */
    public record LastRun(Instant startedAt, Instant finishedAt, Integer total, Integer succeeded, Integer failed,
                          CycleCoverage coverage) {

        public LastRun(Instant startedAt, Instant finishedAt, Integer total, Integer succeeded, Integer failed) {
            this(startedAt, finishedAt, total, succeeded, failed, CycleCoverage.NONE);
        }

        public boolean running() {
            return finishedAt == null;
        }
    }

    public CollectionSchedule {
        items = Set.copyOf(items);
        collectorIds = Set.copyOf(collectorIds);
    }

    public boolean coversAllCollectors() {
        return collectorIds.isEmpty();
    }

    public CollectorScope scope() {
        return coversAllCollectors() ? CollectorScope.ALL : CollectorScope.of(collectorIds);
    }

    /** Due when enabled and its planned start has come (or none is planned yet). */
    public boolean dueAt(Instant now) {
        return enabled && (nextRunAt == null || !nextRunAt.isAfter(now));
    }
}
