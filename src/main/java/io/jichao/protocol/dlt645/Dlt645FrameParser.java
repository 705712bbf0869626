package io.jichao.protocol.dlt645;

import io.jichao.protocol.dlt645.Dlt645ParseResult.Corrupt;
import io.jichao.protocol.dlt645.Dlt645ParseResult.Decoded;
import io.jichao.protocol.dlt645.Dlt645ParseResult.NeedMoreBytes;
import io.jichao.protocol.dlt645.Dlt645ParseResult.Reason;

/**
 * Finds the frame at the front of a byte stream. Stateless: callers keep the bytes and call again
 * after dropping what a result says may be dropped.
 *
 * <p>Rules learned from broken implementations: any number of {@code FE} (and trailing
 * {@code FF}) is filler; the end is found from L, never by scanning for {@code 16} (a checksum
 * may be 0x16); the second {@code 68} sits at a fixed offset because addresses may contain
 * 0x68; after corruption the parser resynchronises on the next {@code 68} instead of dropping the
 * rest of the buffer; bytes are read as {@code & 0xFF}.
 */
public final class Dlt645FrameParser {

    private static final byte START = (byte) Dlt645Frame.START;
    private static final byte PREAMBLE = (byte) Dlt645Frame.PREAMBLE;
    private static final byte TRAILING_FILL = (byte) 0xFF;
    private static final int ADDRESS_OFFSET = 1;
    private static final int SECOND_START_OFFSET = 7;
    private static final int CONTROL_OFFSET = 8;
    private static final int LENGTH_OFFSET = 9;

    private Dlt645FrameParser() {
    }

    public static Dlt645ParseResult parse(byte[] buffer) {
        return parse(buffer, 0, buffer.length);
    }

    /** Looks at {@code buffer[offset .. offset+length)}; never reads outside it. */
    public static Dlt645ParseResult parse(byte[] buffer, int offset, int length) {
        int end = offset + length;
        int start = offset;
        while (start < end && (buffer[start] == PREAMBLE || buffer[start] == TRAILING_FILL)) {
            start++;
        }
        if (start == end) {
            return new NeedMoreBytes(length);
        }
        if (buffer[start] != START) {
            return corrupt(Reason.NOISE_BEFORE_START, buffer, offset, start, end);
        }
        if (end - start < Dlt645Frame.HEADER_LENGTH) {
            return new NeedMoreBytes(start - offset);
        }
        if (buffer[start + SECOND_START_OFFSET] != START) {
            return corrupt(Reason.SECOND_START_MISSING, buffer, offset, start + 1, end);
        }
        if (!MeterAddress.isValidWire(buffer, start + ADDRESS_OFFSET)) {
            return corrupt(Reason.INVALID_ADDRESS, buffer, offset, start + 1, end);
        }
        int dataLength = buffer[start + LENGTH_OFFSET] & 0xFF;
        if (dataLength > Dlt645Frame.MAX_DATA_LENGTH) {
            return corrupt(Reason.DATA_TOO_LONG, buffer, offset, start + 1, end);
        }
        int frameLength = Dlt645Frame.OVERHEAD + dataLength;
        if (end - start < frameLength) {
            return new NeedMoreBytes(start - offset);
        }
        int checksumIndex = start + Dlt645Frame.HEADER_LENGTH + dataLength;
        if (Dlt645Frame.checksum(buffer, start, checksumIndex) != (buffer[checksumIndex] & 0xFF)) {
            return corrupt(Reason.CHECKSUM_MISMATCH, buffer, offset, start + 1, end);
        }
        if ((buffer[checksumIndex + 1] & 0xFF) != Dlt645Frame.END) {
            return corrupt(Reason.END_MISSING, buffer, offset, start + 1, end);
        }
        return new Decoded(frame(buffer, start, dataLength), start - offset + frameLength);
    }

    private static Dlt645Frame frame(byte[] buffer, int start, int dataLength) {
        byte[] data = new byte[dataLength];
        int dataStart = start + Dlt645Frame.HEADER_LENGTH;
        for (int i = 0; i < dataLength; i++) {
            data[i] = (byte) (buffer[dataStart + i] - Dlt645Frame.DATA_OFFSET);
        }
        return new Dlt645Frame(MeterAddress.fromWire(buffer, start + ADDRESS_OFFSET),
                ControlCode.of(buffer[start + CONTROL_OFFSET]), data);
    }

    /** Skips to the next start byte at or after {@code searchFrom}, or to the end. */
    private static Corrupt corrupt(Reason reason, byte[] buffer, int offset, int searchFrom, int end) {
        int next = searchFrom;
        while (next < end && buffer[next] != START) {
            next++;
        }
        return new Corrupt(reason, next - offset);
    }
}
