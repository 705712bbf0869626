package io.jichao.protocol.dlt645;

/**
 * What {@link Dlt645FrameParser#parse} found at the front of a byte buffer. Exactly one of three
 * states, so a caller cannot forget to handle one.
 */
public sealed interface Dlt645ParseResult {

    /** A complete, valid frame; {@code consumed} bytes (preamble and frame) may be dropped. */
    record Decoded(Dlt645Frame frame, int consumed) implements Dlt645ParseResult {
    }

    /**
     * The buffer ends inside a frame. The first {@code discardable} bytes (wake-up {@code FE},
     * trailing {@code FF}) are known to be filler and may already be dropped.
     */
    record NeedMoreBytes(int discardable) implements Dlt645ParseResult {
    }

    /**
     * The buffer does not start with a valid frame. Drop {@code skip} bytes: that lands on the next
     * candidate start byte {@code 68} (or the end of the buffer), so a good frame behind a broken
     * one is not lost.
     */
    record Corrupt(Reason reason, int skip) implements Dlt645ParseResult {
    }

    enum Reason {
        NOISE_BEFORE_START("bytes before the start byte 68"),
        SECOND_START_MISSING("no second start byte 68 at offset 7"),
        INVALID_ADDRESS("address bytes are not BCD"),
        DATA_TOO_LONG("length byte above 200"),
        CHECKSUM_MISMATCH("checksum mismatch"),
        END_MISSING("no end byte 16 where the length puts it");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }
}
