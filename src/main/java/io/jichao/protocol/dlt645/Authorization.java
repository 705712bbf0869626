package io.jichao.protocol.dlt645;

/**
 * What a write or control command carries to prove it may change the meter: the password level
 * PA, the 3-byte password P0..P2 and the 4-byte operator code C0..C3, each written most
 * significant first as hex digits and sent least significant byte first.
 *
 * <p>ESAM-equipped meters use levels 0x96/0x98 with ciphertext and a MAC instead; that needs
 * utility keys and is out of scope, but nothing here prevents adding it.
 */
public record Authorization(int passwordLevel, String password, String operatorCode) {

    /** Level 02, password 000000, operator 00000000: the factory default of many meters. */
    public static final Authorization FACTORY_DEFAULT = new Authorization(0x02, "000000", "00000000");

    public static final int WIRE_LENGTH = 8;

    public Authorization {
        if (passwordLevel < 0 || passwordLevel > 0xFF) {
            throw new IllegalArgumentException("password level must be one byte: " + passwordLevel);
        }
        requireHex("password", password, 6);
        requireHex("operator code", operatorCode, 8);
    }

    /** Same password and operator at another level, e.g. the one a profile asks for. */
    public Authorization atLevel(int level) {
        return new Authorization(level, password, operatorCode);
    }

    /** Writes PA P0 P1 P2 (4 plain bytes). */
    void writePassword(byte[] destination, int offset) {
        destination[offset] = (byte) passwordLevel;
        writeHexLeastSignificantFirst(password, destination, offset + 1);
    }

    /** Writes C0..C3 (4 plain bytes). */
    void writeOperator(byte[] destination, int offset) {
        writeHexLeastSignificantFirst(operatorCode, destination, offset);
    }

    private static void writeHexLeastSignificantFirst(String hex, byte[] destination, int offset) {
        int bytes = hex.length() / 2;
        for (int i = 0; i < bytes; i++) {
            int textIndex = hex.length() - 2 * (i + 1);
            destination[offset + i] = (byte) Integer.parseInt(hex, textIndex, textIndex + 2, 16);
        }
    }

    private static void requireHex(String what, String value, int digits) {
        if (value == null || value.length() != digits) {
            throw new IllegalArgumentException(what + " must have " + digits + " hex digits: " + value);
        }
        for (int i = 0; i < digits; i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(what + " must have " + digits + " hex digits: " + value);
            }
        }
    }

    @Override
    public String toString() {
        return "Authorization[level=" + passwordLevel + ", password=******, operator=" + operatorCode + "]";
    }
}
