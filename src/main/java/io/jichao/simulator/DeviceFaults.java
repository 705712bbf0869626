package io.jichao.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Faults of one meter, changed at run time from any thread and read by its bus. */
public final class DeviceFaults {

    private volatile boolean offline;
    private volatile Duration extraDelay = Duration.ZERO;
    private volatile boolean relayStuck;
    private final AtomicReference<Runnable> lostWriteAnswer = new AtomicReference<>();

    /** An offline meter hears nothing and answers nothing, like one with its RS-485 wires cut. */
    public boolean offline() {
        return offline;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    /** Added to the bus's response delay: a slow meter. */
    public Duration extraDelay() {
        return extraDelay;
    }

    public void setExtraDelay(Duration extraDelay) {
        if (extraDelay == null || extraDelay.isNegative()) {
            throw new IllegalArgumentException("extra delay must not be negative");
        }
        this.extraDelay = extraDelay;
    }

    /**
     * A relay whose contacts do not move (welded, or a broken drive): the meter acknowledges
     * relay commands (C = 1C) as usual, but its relay and keep-power state stay as they are.
     */
    public boolean relayStuck() {
        return relayStuck;
    }

    public void setRelayStuck(boolean relayStuck) {
        this.relayStuck = relayStuck;
    }

    /**
     * The meter applies its next write (C = 14) but its answer never reaches the master:
     * {@code instead} runs at that moment (for example, the collector drops its connections).
     */
    public void loseNextWriteAnswer(Runnable instead) {
        lostWriteAnswer.set(instead == null ? () -> { } : instead);
    }

    /** The pending lost-answer fault, taken (it fires once), or null. */
    Runnable takeLostWriteAnswer() {
        return lostWriteAnswer.getAndSet(null);
    }

    void clear() {
        offline = false;
        extraDelay = Duration.ZERO;
        relayStuck = false;
        lostWriteAnswer.set(null);
    }
}
