package io.jichao.simulator;

import io.netty.channel.EventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A DH600 collector: transparent between TCP and its buses, one TCP connection per serial port.
 * The subclasses differ only in who opens the connections.
 */
public abstract sealed class SimulatedCollector permits ServerModeCollector, DialInCollector {

    protected final CollectorConfig config;
    protected final Map<Integer, SimulatedBus> buses;
    protected final EventLoopGroup group;
    private volatile CollectorState state = CollectorState.STOPPED;

    SimulatedCollector(CollectorConfig config, Map<Integer, SimulatedBus> buses, EventLoopGroup group) {
        this.config = config;
        this.buses = Map.copyOf(buses);
        this.group = group;
    }

    public String id() {
        return config.id();
    }

    public CollectorConfig config() {
        return config;
    }

    public CollectorState state() {
        return state;
    }

    public SimulatedBus bus(int portNumber) {
        SimulatedBus bus = buses.get(portNumber);
        if (bus == null) {
            throw new IllegalArgumentException("collector " + id() + " has no port " + portNumber);
        }
        return bus;
    }

    public List<SimulatedBus> buses() {
        return buses.values().stream().sorted((a, b) -> a.config().number() - b.config().number()).toList();
    }

    /**
     * Drops every TCP connection and goes quiet for {@code downtime} (SERVER mode: stops
     * listening, so connects are refused; CLIENT mode: stops dialling), then comes back on the same
     * ports. Returns at once.
     */
    public void reboot(Duration downtime) {
        if (state != CollectorState.RUNNING) {
            return;
        }
        state = CollectorState.REBOOTING;
        goDown();
        group.schedule(() -> {
            if (state == CollectorState.REBOOTING) {
                state = CollectorState.RUNNING;
                buses.values().forEach(SimulatedBus::goOnline);
                comeUp();
            }
        }, downtime.toNanos(), TimeUnit.NANOSECONDS);
    }

    void start() {
        state = CollectorState.RUNNING;
        buses.values().forEach(SimulatedBus::goOnline);
        startNetwork();
    }

    void stop() {
        state = CollectorState.STOPPED;
        goDown();
    }

    /** Opens the connections the first time; SERVER mode waits until every port listens. */
    abstract void startNetwork();

    /** Closes listening sockets and connections without waiting. */
    abstract void goDown();

    /** Opens them again after a reboot. */
    abstract void comeUp();
}
