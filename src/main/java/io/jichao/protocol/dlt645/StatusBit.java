package io.jichao.protocol.dlt645;

/**
 * Named bits of the 2007 run status words (04000501..04000507). Only bits that are documented in
 * the protocol reference are named; any other bit stays readable through {@link StatusWord#bit}.
 */
public enum StatusBit {
    /** Word 3 bit 4: the load relay is open (the household has no power). */
    RELAY_OPEN(3, 4),
    /** Word 3 bit 6: the last relay command was a trip. */
    RELAY_COMMAND_TRIP(3, 6),
    /** Word 3 bit 7: pre-trip alarm raised (e.g. low remaining energy). */
    PRE_TRIP_ALARM(3, 7),
    /** Word 3 bit 12: keep-power state, the relay will not trip. */
    KEEP_POWER(3, 12);

    private final int word;
    private final int bit;

    StatusBit(int word, int bit) {
        this.word = word;
        this.bit = bit;
    }

    public int word() {
        return word;
    }

    public int bit() {
        return bit;
    }
}
