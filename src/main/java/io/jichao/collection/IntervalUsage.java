package io.jichao.collection;

import java.time.Instant;
import java.util.Optional;

import io.jichao.shared.Kwh;

/**
 * A meter's forward active energy used in one interval [start, end).
 *
 * @param usage      empty when the interval is missing: no closing value for it or for the interval
 *                   before, or the register went back (meter replaced or reset) — never zero
 * @param backfilled one of the two register values came from the meter's own freeze (R1)
 */
public record IntervalUsage(Instant start, Instant end, Optional<Kwh> usage, boolean backfilled) {
}
