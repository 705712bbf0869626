package io.jichao.collection.link;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

/**
 * Drops the heartbeat packets a dial-in unit sends while idle, so they never reach the frame
 * decoder as noise. A unit sends a heartbeat only when it has sent nothing else for a while, so
 * heartbeats sit between frames: the filter looks for them at the front of the stream only, and
 * holds back a front that could still become one (a heartbeat split over two reads).
 */
final class HeartbeatFilter extends ByteToMessageDecoder {

    private final byte[] heartbeat;

    HeartbeatFilter(String heartbeat) {
        this.heartbeat = heartbeat.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (heartbeat.length == 0) {
            out.add(in.readRetainedSlice(in.readableBytes()));
            return;
        }
        while (in.isReadable()) {
            int common = commonPrefix(in);
            if (common == heartbeat.length) {
                in.skipBytes(heartbeat.length);
            } else if (common == in.readableBytes()) {
                return;
            } else {
                out.add(in.readRetainedSlice(in.readableBytes()));
                return;
            }
        }
    }

    private int commonPrefix(ByteBuf in) {
        int length = Math.min(heartbeat.length, in.readableBytes());
        for (int i = 0; i < length; i++) {
            if (in.getByte(in.readerIndex() + i) != heartbeat[i]) {
                return 0;
            }
        }
        return length;
    }
}
