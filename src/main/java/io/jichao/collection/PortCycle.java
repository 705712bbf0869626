package io.jichao.collection;

import java.time.Instant;

/** How the last cycle went on one port: how many of its meters answered. */
public record PortCycle(Instant finishedAt, int meters, int succeeded) {

    /** Whole percent of the port's meters read; 100 for a port without meters. */
    public int successPercent() {
        return meters == 0 ? 100 : succeeded * 100 / meters;
    }
}
