package io.jichao.simulator;

/** Wiring of a simulated meter: a single-phase meter carries its whole load on phase A. */
public enum MeterPhase {
    SINGLE, THREE
}
