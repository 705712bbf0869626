package io.jichao.protocol.dlt645;

/** Packed BCD, least significant byte first, as DL/T 645 sends every multi-byte number. */
final class Bcd {

    private static final long[] POWERS_OF_100 = new long[10];

    static {
        POWERS_OF_100[0] = 1;
        for (int i = 1; i < POWERS_OF_100.length; i++) {
            POWERS_OF_100[i] = POWERS_OF_100[i - 1] * 100;
        }
    }

    private Bcd() {
    }

    /** Largest value {@code length} bytes hold: 10^(2*length) - 1. */
    static long maxValue(int length) {
        return POWERS_OF_100[length] - 1;
    }

    /** Decodes {@code length} (at most 9) bytes; {@code topMask} clears e.g. a sign bit first. */
    static long decode(byte[] bytes, int offset, int length, int topMask) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            int b = bytes[offset + i] & 0xFF;
            if (i == length - 1) {
                b &= topMask;
            }
            value = value * 100 + decodeByte(b);
        }
        return value;
    }

    static int decodeByte(int b) {
        int high = b >>> 4;
        int low = b & 0x0F;
        if (high > 9 || low > 9) {
            throw new Dlt645FormatException(String.format("byte %02X is not BCD", b));
        }
        return high * 10 + low;
    }

    static void encode(long value, byte[] destination, int offset, int length) {
        if (value < 0 || value > maxValue(length)) {
            throw new IllegalArgumentException(value + " does not fit in " + length + " BCD bytes");
        }
        long rest = value;
        for (int i = 0; i < length; i++) {
            destination[offset + i] = (byte) encodeByte((int) (rest % 100));
            rest /= 100;
        }
    }

    static int encodeByte(int value) {
        if (value < 0 || value > 99) {
            throw new IllegalArgumentException(value + " does not fit in one BCD byte");
        }
        return (value / 10) << 4 | value % 10;
    }
}
