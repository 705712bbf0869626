package io.jichao.simulator;

/** Noise injected on a bus. */
public enum GarbageMode {
    NONE,
    /** 1..16 random bytes (never {@code 68}) ahead of every answer; a robust decoder skips them. */
    BEFORE_ANSWERS,
    /** Every answer replaced by as many random bytes. */
    INSTEAD_OF_ANSWERS
}
