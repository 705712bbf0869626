package io.jichao.archive;

/** A meter as the edit form loads it: the draft of its current values plus identity and state. */
public record MeterDetails(long id, MeterState state, MeterDraft draft, Long collectorId) {
}
