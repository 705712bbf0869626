package io.jichao.collection.control;

import java.time.Instant;

import io.jichao.collection.control.RelayOutcome.Verdict;

/** One stored relay command and its read-back, for the meter page and the audit of trips and restores. */
public record RelayCommandRecord(long id, long meterId, RelayCommand command, RelayReason reason, String requestedBy,
                                 Instant requestedAt, Instant finishedAt, boolean expectedOpen, Boolean observedOpen,
                                 Boolean keepPower, int attempts, Verdict outcome, String detail) {
}
