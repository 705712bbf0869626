package io.jichao.collection;

import java.time.Instant;

/**
 * Where the current (or last) reading cycle stands. {@code finished} is null while it runs.
 */
public record CycleProgress(Instant started, int total, int done, int failed, Instant finished) {

    public static final CycleProgress NONE = new CycleProgress(null, 0, 0, 0, null);

    public boolean running() {
        return started != null && finished == null;
    }

    public int succeeded() {
        return done - failed;
    }
}
