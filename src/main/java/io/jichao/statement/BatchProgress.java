package io.jichao.statement;

import java.time.YearMonth;
import java.util.UUID;

/** Where a district's statement batch stands: {@code done} of {@code total} statements rendered. */
public record BatchProgress(UUID id, YearMonth month, int done, int total, State state) {

    public enum State { RUNNING, DONE, CANCELLED, FAILED }

    public boolean finished() {
        return state != State.RUNNING;
    }
}
