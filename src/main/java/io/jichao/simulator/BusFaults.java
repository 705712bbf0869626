package io.jichao.simulator;

/** Faults of one bus, changed at run time from any thread and read by the bus. */
public final class BusFaults {

    private volatile boolean shorted;
    private volatile GarbageMode garbage = GarbageMode.NONE;
    private volatile double checksumErrorRate;

    /** A shorted bus carries nothing: requests vanish and no meter answers. */
    public boolean shorted() {
        return shorted;
    }

    public void setShorted(boolean shorted) {
        this.shorted = shorted;
    }

    public GarbageMode garbage() {
        return garbage;
    }

    public void setGarbage(GarbageMode garbage) {
        if (garbage == null) {
            throw new IllegalArgumentException("garbage mode is required (NONE to switch it off)");
        }
        this.garbage = garbage;
    }

    /** Share of answers, 0..1, sent with a wrong checksum (DL/T 645 CS or Modbus CRC). */
    public double checksumErrorRate() {
        return checksumErrorRate;
    }

    public void setChecksumErrorRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("checksum error rate must be 0..1: " + rate);
        }
        this.checksumErrorRate = rate;
    }

    void clear() {
        shorted = false;
        garbage = GarbageMode.NONE;
        checksumErrorRate = 0;
    }
}
