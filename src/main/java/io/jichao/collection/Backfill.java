package io.jichao.collection;

import java.time.Instant;
import java.util.List;

/**
 * The freezes read from one meter to close a gap: every record frozen after {@code gapStart}
 * (the last successful read, or the start of the window an operator asked for) and before
 * {@code readAt}, newest first.
 */
public record Backfill(long meterId, Instant gapStart, Instant readAt, List<FrozenEnergy> freezes) {

    public Backfill {
        freezes = List.copyOf(freezes);
    }
}
