package io.jichao.protocol.dlt645;

/**
 * A data identifier (DI): 2 bytes in 1997 ({@code 9010}), 4 in 2007 ({@code 00010000}), written
 * DI3 first and sent DI0 first. The bytes are plain hex (block identifiers contain {@code FF}),
 * not BCD.
 */
public record DataIdentifier(Dlt645Version version, int value) {

    public DataIdentifier {
        if (version == null) {
            throw new IllegalArgumentException("version is required");
        }
        if (version == Dlt645Version.V1997 && (value & 0xFFFF0000) != 0) {
            throw new IllegalArgumentException(String.format(
                    "a 1997 data identifier has 2 bytes: %08X", value));
        }
    }

    public static DataIdentifier of2007(int value) {
        return new DataIdentifier(Dlt645Version.V2007, value);
    }

    public static DataIdentifier of1997(int value) {
        return new DataIdentifier(Dlt645Version.V1997, value);
    }

    public static DataIdentifier fromWire(Dlt645Version version, byte[] plain, int offset) {
        int value = 0;
        for (int i = version.identifierLength() - 1; i >= 0; i--) {
            value = value << 8 | plain[offset + i] & 0xFF;
        }
        return new DataIdentifier(version, value);
    }

    public int wireLength() {
        return version.identifierLength();
    }

    /** Writes the plain bytes, DI0 first. */
    public void writeWire(byte[] destination, int offset) {
        for (int i = 0; i < wireLength(); i++) {
            destination[offset + i] = (byte) (value >>> 8 * i);
        }
    }

    /**
     * The identifier of the n-th last record of a history item (2007 freezes and events put n in
     * DI0: {@code 05060101} is the last daily freeze, {@code 05060102} the one before).
     */
    public DataIdentifier withOccurrence(int occurrence) {
        if (version != Dlt645Version.V2007) {
            throw new IllegalArgumentException("only 2007 identifiers carry an occurrence in DI0");
        }
        if (occurrence < 1 || occurrence > 0xFE) {
            throw new IllegalArgumentException("occurrence must be 1..254: " + occurrence);
        }
        return new DataIdentifier(version, value & 0xFFFFFF00 | occurrence);
    }

    @Override
    public String toString() {
        return version == Dlt645Version.V1997 ? String.format("%04X", value) : String.format("%08X", value);
    }
}
