package io.jichao.collection.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Shared loop of the stream decoders: hands the readable bytes to a pure parser, drops what it
 * consumed, keeps at most {@code maxBufferedBytes}, and turns any unexpected exception into a
 * counted corruption so nothing escapes to the end of the pipeline.
 */
abstract class BoundedStreamDecoder extends ByteToMessageDecoder {

    /** Larger than any frame of either protocol (DL/T 645: 212 bytes, Modbus RTU: 256). */
    static final int WINDOW_SIZE = 512;
    public static final int DEFAULT_MAX_BUFFERED_BYTES = 4096;

    private final int maxBufferedBytes;
    private final FrameDecodeStatistics statistics;
    private final byte[] window = new byte[WINDOW_SIZE];

    BoundedStreamDecoder(int maxBufferedBytes, FrameDecodeStatistics statistics) {
        if (maxBufferedBytes < WINDOW_SIZE) {
            throw new IllegalArgumentException("the buffer limit must hold at least one frame ("
                    + WINDOW_SIZE + " bytes): " + maxBufferedBytes);
        }
        if (statistics == null) {
            throw new IllegalArgumentException("statistics are required");
        }
        this.maxBufferedBytes = maxBufferedBytes;
        this.statistics = statistics;
    }

    public FrameDecodeStatistics statistics() {
        return statistics;
    }

    /** Bytes held back waiting for the rest of a frame. */
    public int bufferedBytes() {
        ByteBuf buffered = internalBuffer();
        return buffered.refCnt() > 0 ? buffered.readableBytes() : 0;
    }

    /**
     * Parses at the front of {@code bytes[offset .. offset+length)}, adds any decoded message to
     * {@code out} and reports corruption to the statistics.
     *
     * @return bytes to drop; 0 when the front is an incomplete frame
     */
    abstract int consume(byte[] bytes, int offset, int length, List<Object> out);

    @Override
    protected final void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        try {
            while (in.isReadable()) {
                int consumed = consumeFront(in, out);
                if (consumed == 0) {
                    break;
                }
                in.skipBytes(consumed);
            }
        } catch (RuntimeException unexpected) {
            statistics.corruption(in.readableBytes());
            in.skipBytes(in.readableBytes());
        }
        if (in.readableBytes() > maxBufferedBytes) {
            statistics.overflow(in.readableBytes());
            in.skipBytes(in.readableBytes());
        }
    }

    private int consumeFront(ByteBuf in, List<Object> out) {
        int length = Math.min(in.readableBytes(), WINDOW_SIZE);
        if (in.hasArray()) {
            return consume(in.array(), in.arrayOffset() + in.readerIndex(), length, out);
        }
        in.getBytes(in.readerIndex(), window, 0, length);
        return consume(window, 0, length, out);
    }
}
