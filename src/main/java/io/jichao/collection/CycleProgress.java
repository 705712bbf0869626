package io.jichao.collection;

import java.time.Instant;

/**
 * Where the current (or last) reading cycle stands. {@code finished} is null while it runs.
 * {@code total} counts the meters the cycle reads; {@link CycleCoverage#notIncluded()} those of
 * its collectors it could not include, so a rate over a subset is never shown as complete.
 */
public record CycleProgress(Instant started, int total, int done, int failed, Instant finished,
                            CycleCoverage coverage) {

    public static final CycleProgress NONE = new CycleProgress(null, 0, 0, 0, null);

    public CycleProgress(Instant started, int total, int done, int failed, Instant finished) {
        this(started, total, done, failed, finished, CycleCoverage.NONE);
    }

    public boolean running() {
        return started != null && finished == null;
    }

    public int succeeded() {
        return done - failed;
    }

    /** Answered with every expected item stored (or known unsupported). */
    public int complete() {
        return succeeded() - coverage.partial();
    }

    /** The meters the cycle should have read: those it read and those it could not include. */
    public int planned() {
        return total + coverage.notIncluded();
    }

    public CycleProgress withCoverage(CycleCoverage newCoverage) {
        return new CycleProgress(started, total, done, failed, finished, newCoverage);
    }
}
