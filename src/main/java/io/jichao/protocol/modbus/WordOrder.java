package io.jichao.protocol.modbus;

/**
 * How a device spreads a 32-bit value over two 16-bit registers. Registers themselves are always
 * big-endian; the order of the two words varies by device, so it is configured per meter type.
 */
public enum WordOrder {
    /** High word in the first register (e.g. float 220.1 = {@code 435C 199A}). */
    HIGH_WORD_FIRST,
    /** Low word in the first register (e.g. float 220.1 = {@code 199A 435C}). */
    LOW_WORD_FIRST;

    public int int32(int firstRegister, int secondRegister) {
        int high = this == HIGH_WORD_FIRST ? firstRegister : secondRegister;
        int low = this == HIGH_WORD_FIRST ? secondRegister : firstRegister;
        return (high & 0xFFFF) << 16 | low & 0xFFFF;
    }

    public long uint32(int firstRegister, int secondRegister) {
        return int32(firstRegister, secondRegister) & 0xFFFF_FFFFL;
    }

    public float float32(int firstRegister, int secondRegister) {
        return Float.intBitsToFloat(int32(firstRegister, secondRegister));
    }

    /** The two register values, in transmission order, that carry {@code value}. */
    public int[] registers(int value) {
        int high = value >>> 16;
        int low = value & 0xFFFF;
        return this == HIGH_WORD_FIRST ? new int[] {high, low} : new int[] {low, high};
    }

    public int[] registers(float value) {
        return registers(Float.floatToIntBits(value));
    }
}
