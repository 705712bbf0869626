package io.jichao.protocol.modbus;

/** What {@link ModbusRtuParser#parse} found at the front of a byte buffer. */
public sealed interface ModbusParseResult {

    /** A complete frame with a valid CRC; drop {@code consumed} bytes. */
    record Decoded(ModbusMessage message, int consumed) implements ModbusParseResult {
    }

    /** The buffer ends inside a frame. */
    record NeedMoreBytes() implements ModbusParseResult {
    }

    /**
     * No valid frame starts at the front. RTU has no start marker, so the parser drops
     * {@code skip} (one) byte and tries again at the next position.
     */
    record Corrupt(Reason reason, int skip) implements ModbusParseResult {
    }

    enum Reason {
        INVALID_UNIT_ID,
        UNSUPPORTED_FUNCTION,
        INVALID_LENGTH,
        CRC_MISMATCH
    }
}
