package io.jichao.archive;

/** The protocol spoken on a bus and by a meter (R15). */
public enum MeterProtocol {
    DLT645_1997(1200),
    DLT645_2007(2400),
    MODBUS_RTU(9600);

    private final int usualBaudRate;

    MeterProtocol(int usualBaudRate) {
        this.usualBaudRate = usualBaudRate;
    }

    /** The rate meters of this protocol usually ship with; a sensible default for a new port. */
    public int usualBaudRate() {
        return usualBaudRate;
    }

    /**
     * The character framing meters of this protocol usually use, suggested for a port: 8E1 for
     * DL/T 645 (the standard's framing), 8N1 for Modbus RTU (most meters ship so; 8E1 is allowed too).
     */
    public Parity usualParity() {
        return isDlt645() ? Parity.EVEN : Parity.NONE;
    }

    public boolean isDlt645() {
        return this != MODBUS_RTU;
    }

    /**
     * Whether the engine can trip and close a meter of this protocol: DL/T 645-2007 has the relay
     * control command (C = 1C) and status word 3 to read it back; 1997 and Modbus have neither.
     */
    public boolean hasRelayCommand() {
        return this == DLT645_2007;
    }
}
