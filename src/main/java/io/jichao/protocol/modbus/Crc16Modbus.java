package io.jichao.protocol.modbus;

/**
 * CRC-16/MODBUS: reflected polynomial 0xA001, initial value 0xFFFF, no final xor, sent low byte
 * first. The check value of ASCII {@code "123456789"} is 0x4B37.
 */
public final class Crc16Modbus {

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? crc >>> 1 ^ 0xA001 : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc16Modbus() {
    }

    public static int compute(byte[] bytes) {
        return compute(bytes, 0, bytes.length);
    }

    public static int compute(byte[] bytes, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = crc >>> 8 ^ TABLE[(crc ^ bytes[i]) & 0xFF];
        }
        return crc;
    }

    /** Appends the CRC of {@code bytes[0..length)} at {@code length}, low byte first. */
    static void append(byte[] bytes, int length) {
        int crc = compute(bytes, 0, length);
        bytes[length] = (byte) crc;
        bytes[length + 1] = (byte) (crc >>> 8);
    }

    /** True when the two bytes after {@code length} bytes at {@code offset} are their CRC. */
    static boolean matches(byte[] bytes, int offset, int length) {
        int crc = compute(bytes, offset, length);
        return (bytes[offset + length] & 0xFF) == (crc & 0xFF)
                && (bytes[offset + length + 1] & 0xFF) == crc >>> 8;
    }
}
