package io.jichao.protocol.dlt645;

/** N1 of a 2007 relay control command (C = 1C). */
public enum RelayAction {
    TRIP(0x1A),
    /** The household closes the relay by pressing the meter's button. */
    CLOSE_ALLOWED(0x1B),
    /** Closes at once; from later State Grid documents, not every meter accepts it. */
    DIRECT_CLOSE(0x1C),
    ALARM(0x2A),
    ALARM_RELEASE(0x2B),
    KEEP_POWER(0x3A),
    KEEP_POWER_RELEASE(0x3B);

    private final int code;

    RelayAction(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
