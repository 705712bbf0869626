package io.jichao.archive;

/** A removed meter keeps its history and is never deleted. */
public enum MeterState {
    ACTIVE, REMOVED
}
