package io.jichao.collection.link;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a dial-in connection that stayed silent longer than its heartbeat allows: the unit is
 * gone (power, cellular) without a TCP goodbye, and its requests must fail now, not after the
 * operating system notices.
 */
final class IdleCloseHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(IdleCloseHandler.class);

    private final PortKey port;

    IdleCloseHandler(PortKey port) {
        this.port = port;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            log.warn("{}: no heartbeat or data, closing the dial-in connection", port);
            ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(event);
    }
}
