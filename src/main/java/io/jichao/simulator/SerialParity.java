package io.jichao.simulator;

/** Serial parity of a bus; it only changes the bits per byte and so the transfer time. */
public enum SerialParity {
    EVEN, ODD, NONE;

    /** Start bit, 8 data bits, the parity bit if any, one stop bit: 11 for 8E1, 10 for 8N1. */
    public int bitsPerByte() {
        return this == NONE ? 10 : 11;
    }
}
