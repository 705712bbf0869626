package io.jichao.collection;

import java.time.Instant;

/**
 * How the last cycle went on one port: how many of its meters answered, and how many of those
 * gave every expected item ({@code complete}; the others were read only partly).
 */
public record PortCycle(Instant finishedAt, int meters, int succeeded, int complete) {

    public PortCycle(Instant finishedAt, int meters, int succeeded) {
        this(finishedAt, meters, succeeded, succeeded);
    }

    /** Whole percent of the port's meters read completely; 100 for a port without meters. */
    public int completePercent() {
        return meters == 0 ? 100 : complete * 100 / meters;
    }

    /** Whole percent of the port's meters read; 100 for a port without meters. */
    public int successPercent() {
        return meters == 0 ? 100 : succeeded * 100 / meters;
    }
}
