package io.jichao.protocol.dlt645;

import java.util.HexFormat;

/** Test helper: frames written as in the protocol reference, {@code "68 12 90 ..."}. */
public final class HexBytes {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    private HexBytes() {
    }

    public static byte[] hex(String text) {
        return HEX.parseHex(text.strip());
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
