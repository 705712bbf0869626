package io.jichao.simulator;

import java.time.Duration;

/**
 * Injects faults at run time, from any thread; each takes effect with the next exchange. The
 * effects are observable through {@link SimulatedBus#statistics()}, {@link SimulatedBus#faults()},
 * {@link DeviceFaults} and {@link SimulatedCollector#state()}.
 */
public final class FaultInjector {

    private final Simulator simulator;

    FaultInjector(Simulator simulator) {
        this.simulator = simulator;
    }

    /** A short circuit on the bus: nothing is answered until {@link #repairPort}. */
    public void shortPort(String collectorId, int port) {
        simulator.bus(collectorId, port).faults().setShorted(true);
    }

    public void repairPort(String collectorId, int port) {
        simulator.bus(collectorId, port).faults().setShorted(false);
    }

    public void garbage(String collectorId, int port, GarbageMode mode) {
        simulator.bus(collectorId, port).faults().setGarbage(mode);
    }

    /** Sends {@code rate} (0..1) of the bus's answers with a wrong checksum. */
    public void checksumErrors(String collectorId, int port, double rate) {
        simulator.bus(collectorId, port).faults().setChecksumErrorRate(rate);
    }

    public void slowMeter(String collectorId, int port, String address, Duration extraDelay) {
        simulator.device(collectorId, port, address).faults().setExtraDelay(extraDelay);
    }

    public void meterOffline(String collectorId, int port, String address, boolean offline) {
        simulator.device(collectorId, port, address).faults().setOffline(offline);
    }

    /** The meter acknowledges relay commands but its relay does not move, until set back to false. */
    public void relayStuck(String collectorId, int port, String address, boolean stuck) {
        simulator.device(collectorId, port, address).faults().setRelayStuck(stuck);
    }

    /**
     * The meter applies its next write, and right then, before its answer leaves, the collector
     * drops its connections for {@code downtime}: the master cannot know whether the write landed.
     */
    public void dropCollectorAfterNextWrite(String collectorId, int port, String address, Duration downtime) {
        simulator.device(collectorId, port, address).faults()
                .loseNextWriteAnswer(() -> simulator.collector(collectorId).reboot(downtime));
    }

    /** The meter applies its next write but stays silent, as if its answer was lost on the line. */
    public void loseNextWriteAnswer(String collectorId, int port, String address) {
        simulator.device(collectorId, port, address).faults().loseNextWriteAnswer(null);
    }

    /** Drops the collector's connections and keeps it down for {@code downtime}; returns at once. */
    public void rebootCollector(String collectorId, Duration downtime) {
        simulator.collector(collectorId).reboot(downtime);
    }

    /** Repairs every bus and meter (a reboot in progress still runs its course). */
    public void clearAll() {
        for (SimulatedCollector collector : simulator.collectors()) {
            for (SimulatedBus bus : collector.buses()) {
                bus.faults().clear();
                bus.devices().forEach(device -> device.faults().clear());
            }
        }
    }
}
