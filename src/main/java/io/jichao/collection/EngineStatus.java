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

    /** Counters since the engine started; corrupt frames come from the port's decoder. */
    public record PortStatus(int portNumber, boolean connected, long requests, long answers, long timeouts,
                             long retries, long unmatched, long linkDown, long corruptFrames, long bytesIn,
                             long bytesOut) {
    }
}
