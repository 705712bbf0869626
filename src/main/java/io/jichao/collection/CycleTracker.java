package io.jichao.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Counts running cycles' meters for {@link CycleProgress}; readable from any thread. Several
 * cycles (schedules) may run at once: the engine-wide progress is the latest started one while any
 * runs, otherwise the last finished one. Each run also reports its own progress to a listener.
 */
final class CycleTracker {

    private final Clock clock;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private volatile CycleProgress last = CycleProgress.NONE;

    CycleTracker(Clock clock) {
        this.clock = clock;
    }

    Run begin(int total, Consumer<CycleProgress> listener) {
        Run run = new Run(clock.instant(), total, listener);
        running.add(run);
        listener.accept(run.snapshot(null));
        return run;
    }

    CycleProgress progress() {
        return running.stream().max(Comparator.comparing(run -> run.started))
                .map(run -> run.snapshot(null)).orElse(last);
    }

    final class Run {
        private final Instant started;
        private final int total;
        private final Consumer<CycleProgress> listener;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger partial = new AtomicInteger();
        private final List<String> partialMeters = new CopyOnWriteArrayList<>();
        private final List<String> unreachedMeters = new CopyOnWriteArrayList<>();
        private final Set<ReadingItem> missingItems = ConcurrentHashMap.newKeySet();

        private Run(Instant started, int total, Consumer<CycleProgress> listener) {
            this.started = started;
            this.total = total;
            this.listener = listener;
        }

        /** One meter's read ended; {@code address} names it in the coverage's (bounded) lists. */
        void meterDone(String address, MeterReadResult result) {
            if (!result.succeeded()) {
                failed.incrementAndGet();
                addBounded(unreachedMeters, address);
            } else if (result.partial()) {
                partial.incrementAndGet();
                addBounded(partialMeters, address);
                missingItems.addAll(result.missing());
            }
            done.incrementAndGet();
            listener.accept(snapshot(null));
        }

        CycleProgress finish() {
            CycleProgress finished = snapshot(clock.instant());
            last = finished;
            running.remove(this);
            listener.accept(finished);
            return finished;
        }

        private CycleProgress snapshot(Instant finished) {
            return new CycleProgress(started, total, done.get(), failed.get(), finished,
                    new CycleCoverage(partial.get(), 0, partialMeters, unreachedMeters, List.of(), missingItems));
        }

        private static void addBounded(List<String> addresses, String address) {
            if (addresses.size() < CycleCoverage.LISTED) {
                addresses.add(address);
            }
        }
    }
}
