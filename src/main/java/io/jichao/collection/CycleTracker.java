package io.jichao.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts a running cycle's meters for {@link CycleProgress}; readable from any thread. */
final class CycleTracker {

    private final Clock clock;
    private volatile Run current;
    private volatile CycleProgress last = CycleProgress.NONE;

    CycleTracker(Clock clock) {
        this.clock = clock;
    }

    Run begin(int total) {
        Run run = new Run(clock.instant(), total);
        current = run;
        return run;
    }

    CycleProgress progress() {
        Run run = current;
        return run == null ? last : run.snapshot(null);
    }

    final class Run {
        private final Instant started;
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger failed = new AtomicInteger();

        private Run(Instant started, int total) {
            this.started = started;
            this.total = total;
        }

        void meterDone(boolean succeeded) {
            if (!succeeded) {
                failed.incrementAndGet();
            }
            done.incrementAndGet();
        }

        CycleProgress finish() {
            CycleProgress finished = snapshot(clock.instant());
            last = finished;
            current = null;
            return finished;
        }

        private CycleProgress snapshot(Instant finished) {
            return new CycleProgress(started, total, done.get(), failed.get(), finished);
        }
    }
}
