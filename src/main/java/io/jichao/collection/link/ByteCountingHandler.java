package io.jichao.collection.link;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/** First handler of a port's pipeline: counts raw bytes both ways for the port's traffic figures. */
final class ByteCountingHandler extends ChannelDuplexHandler {

    private final PortCounters counters;

    ByteCountingHandler(PortCounters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof ByteBuf bytes) {
            counters.received(bytes.readableBytes());
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof ByteBuf bytes) {
            counters.sent(bytes.readableBytes());
        }
        ctx.write(message, promise);
    }
}
