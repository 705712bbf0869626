package io.jichao.simulator;

import java.time.Duration;

/** Faults of one meter, changed at run time from any thread and read by its bus. */
public final class DeviceFaults {

    private volatile boolean offline;
    private volatile Duration extraDelay = Duration.ZERO;

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

    void clear() {
        offline = false;
        extraDelay = Duration.ZERO;
    }
}
