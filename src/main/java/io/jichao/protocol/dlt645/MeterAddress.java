package io.jichao.protocol.dlt645;

/**
 * A meter's communication address: 12 BCD digits, written most significant first
 * ({@code "123456789012"}) and sent least significant byte first ({@code 12 90 78 56 34 12}).
 *
 * <p>A digit pair may be {@code AA} instead of digits: the all-{@code AA} wildcard addresses any
 * meter (read address), and some meters accept shortened addresses whose high pairs are
 * {@code AA}.
 */
public record MeterAddress(String digits) {

    public static final int DIGIT_COUNT = 12;
    public static final int WIRE_LENGTH = 6;
    private static final byte WILDCARD_BYTE = (byte) 0xAA;
    private static final MeterAddress BROADCAST = new MeterAddress("999999999999");
    private static final MeterAddress WILDCARD = new MeterAddress("AAAAAAAAAAAA");

    public MeterAddress {
        if (digits == null) {
            throw new IllegalArgumentException("meter address must not be null");
        }
        if (digits.length() != DIGIT_COUNT) {
            throw new IllegalArgumentException("meter address must have " + DIGIT_COUNT
                    + " digits but has " + digits.length() + ": '" + digits + "'");
        }
        for (int pair = 0; pair < WIRE_LENGTH; pair++) {
            char high = digits.charAt(2 * pair);
            char low = digits.charAt(2 * pair + 1);
            boolean wildcardPair = high == 'A' && low == 'A';
            if (!wildcardPair && !(isDigit(high) && isDigit(low))) {
                throw new IllegalArgumentException("meter address may contain only the digits 0-9"
                        + " (or AA pairs for wildcard addressing): '" + digits + "'");
            }
        }
    }

    /** Parses the printed form, ignoring surrounding whitespace. */
    public static MeterAddress of(String digits) {
        if (digits == null) {
            throw new IllegalArgumentException("meter address must not be null");
        }
        return new MeterAddress(digits.strip());
    }

    /** {@code 99..99}: every meter listens, none answers (time sync, freeze). */
    public static MeterAddress broadcast() {
        return BROADCAST;
    }

    /** {@code AA..AA}: any meter answers; safe only with exactly one meter on the bus. */
    public static MeterAddress wildcard() {
        return WILDCARD;
    }

    /** Reads six wire bytes (least significant first) starting at {@code offset}. */
    public static MeterAddress fromWire(byte[] bytes, int offset) {
        if (!isValidWire(bytes, offset)) {
            throw new Dlt645FormatException("meter address bytes are not BCD");
        }
        char[] text = new char[DIGIT_COUNT];
        for (int pair = 0; pair < WIRE_LENGTH; pair++) {
            int b = bytes[offset + wirePosition(pair)] & 0xFF;
            text[2 * pair] = nibbleChar(b >>> 4);
            text[2 * pair + 1] = nibbleChar(b & 0x0F);
        }
        return new MeterAddress(new String(text));
    }

    /** True when the six bytes at {@code offset} form an address (BCD or {@code AA} pairs). */
    public static boolean isValidWire(byte[] bytes, int offset) {
        if (offset < 0 || offset + WIRE_LENGTH > bytes.length) {
            return false;
        }
        for (int i = 0; i < WIRE_LENGTH; i++) {
            byte b = bytes[offset + i];
            if (b != WILDCARD_BYTE && ((b & 0xF0) > 0x90 || (b & 0x0F) > 0x09)) {
                return false;
            }
        }
        return true;
    }

    public byte[] toWire() {
        byte[] wire = new byte[WIRE_LENGTH];
        writeWire(wire, 0);
        return wire;
    }

    public void writeWire(byte[] destination, int offset) {
        for (int pair = 0; pair < WIRE_LENGTH; pair++) {
            int high = digitValue(digits.charAt(2 * pair));
            int low = digitValue(digits.charAt(2 * pair + 1));
            destination[offset + wirePosition(pair)] = (byte) (high << 4 | low);
        }
    }

    public boolean isBroadcast() {
        return equals(BROADCAST);
    }

    public boolean isWildcard() {
        return equals(WILDCARD);
    }

    /**
     * True when a meter with the {@code other} address would answer a request sent to this
     * address: equal digits, or {@code AA} pairs here matching anything there.
     */
    public boolean accepts(MeterAddress other) {
        for (int i = 0; i < DIGIT_COUNT; i += 2) {
            boolean wildcardPair = digits.charAt(i) == 'A';
            if (!wildcardPair && (digits.charAt(i) != other.digits.charAt(i)
                    || digits.charAt(i + 1) != other.digits.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return digits;
    }

    /**
     * The only place where the byte order is reversed: digit pair 0 (most significant) travels
     * last. Both directions go through here so they cannot disagree.
     */
    private static int wirePosition(int digitPair) {
        return WIRE_LENGTH - 1 - digitPair;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static char nibbleChar(int nibble) {
        return nibble == 0x0A ? 'A' : (char) ('0' + nibble);
    }

    private static int digitValue(char c) {
        return c == 'A' ? 0x0A : c - '0';
    }
}
