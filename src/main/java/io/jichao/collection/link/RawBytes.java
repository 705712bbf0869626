package io.jichao.collection.link;

import java.util.HexFormat;

/** How bytes that arrived on a connection are shown to people: hex, and the printable ASCII in them. */
public final class RawBytes {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private RawBytes() {
    }

    /** {@code 4C 4F 47 49 4E}. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Printable ASCII as is, every other byte as a dot: {@code FE FE 68 41} → {@code ..hA}. */
    public static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            text.append(b >= 0x20 && b < 0x7F ? (char) b : '.');
        }
        return text.toString();
    }
}
