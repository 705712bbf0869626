package io.jichao.collection.codec;

import io.jichao.protocol.dlt645.Dlt645FrameParser;
import io.jichao.protocol.dlt645.Dlt645ParseResult;
import java.util.List;

/**
 * Turns a DL/T 645 byte stream into {@link io.jichao.protocol.dlt645.Dlt645Frame}s, whatever the
 * TCP chunking: a frame split over reads waits for its rest, several frames in one read all come
 * out, wake-up {@code FE} and trailing {@code FF} are dropped silently, noise and corrupt frames
 * are skipped up to the next {@code 68} and counted in {@link #statistics()}.
 *
 * <pre>
 * in : FE FE FE FE 68 12 90 78 56 34 12 68 91 06 33 34 34 35 34 55 76 16 FF
 *      (preamble)  68 (address LSB first) 68  C  L  (DI+0x33)   (value)  CS 16 (trailer)
 * out: Dlt645Frame[address=123456789012, control=91, data=[00 01 01 02 01 22]]
 * </pre>
 *
 * One instance per channel (it keeps the partial frame).
 */
public final class Dlt645FrameDecoder extends BoundedStreamDecoder {

    public Dlt645FrameDecoder() {
        this(DEFAULT_MAX_BUFFERED_BYTES, new FrameDecodeStatistics());
    }

    public Dlt645FrameDecoder(int maxBufferedBytes, FrameDecodeStatistics statistics) {
        super(maxBufferedBytes, statistics);
    }

    @Override
    int consume(byte[] bytes, int offset, int length, List<Object> out) {
        return switch (Dlt645FrameParser.parse(bytes, offset, length)) {
            case Dlt645ParseResult.Decoded decoded -> {
                out.add(decoded.frame());
                statistics().frameDecoded();
                yield decoded.consumed();
            }
            case Dlt645ParseResult.NeedMoreBytes needMore -> needMore.discardable();
            case Dlt645ParseResult.Corrupt corrupt -> {
                statistics().corruption(corrupt.skip());
                yield corrupt.skip();
            }
        };
    }
}
