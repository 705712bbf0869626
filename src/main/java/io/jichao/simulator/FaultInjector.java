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
