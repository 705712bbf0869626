package io.jichao.archive;

/** Wiring of a metering point. */
public enum Phase {
    SINGLE, THREE
}
