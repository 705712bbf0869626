package io.jichao.collection.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/** Last inbound handler: hands decoded frames and the end of the connection to the port's link. */
final class LinkHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(LinkHandler.class);

    private final PortLink link;

    LinkHandler(PortLink link) {
        this.link = link;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            link.received(ctx.channel(), message);
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        link.closed(ctx.channel());
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("{}: closing connection after {}", link.key(), cause.toString());
        ctx.close();
    }
}
