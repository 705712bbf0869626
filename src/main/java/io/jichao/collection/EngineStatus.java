package io.jichao.collection;

import java.util.List;

/**
 * A snapshot of the engine for monitoring (R6, R16): collectors online or not, each port's
 * traffic, and the current cycle.
 */
public record EngineStatus(boolean running, List<CollectorStatus> collectors, CycleProgress cycle) {

    public EngineStatus {
        collectors = List.copyOf(collectors);
    }

    /** Online when at least one of its ports has a connection. */
    public record CollectorStatus(long collectorId, String name, boolean online, List<PortStatus> ports) {
        public CollectorStatus {
            ports = List.copyOf(ports);
        }
    }

    /**
     * Counters since the engine started (see {@code PortCounters}): exchanges sent, answered, refused
     * (abnormal answer), timed-out attempts, and exchanges not sent because the link was down;
     * corrupt frames come from the port's decoder.
     */
    public record PortStatus(int portNumber, boolean connected, long sent, long answers, long refused, long timeouts,
                             long retries, long unmatched, long notSent, long linkDown, long corruptFrames,
                             long bytesIn, long bytesOut) {
    }
}
