package io.jichao.simulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;

/**
 * Announces a dial-in connection with its registration packet and keeps it alive with
 * heartbeats. Sits behind an {@code IdleStateHandler} whose writer-idle event means "nothing sent
 * for one heartbeat interval": answers from the bus count as traffic, so heartbeats only fill
 * silence, as on a real unit.
 */
final class DialInHandler extends ChannelInboundHandlerAdapter {

    private final byte[] registration;
    private final byte[] heartbeat;

    DialInHandler(String registration, String heartbeat) {
        this.registration = registration.getBytes(StandardCharsets.US_ASCII);
        this.heartbeat = heartbeat.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.wrappedBuffer(registration));
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent idle && idle.state() == IdleState.WRITER_IDLE) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(heartbeat));
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
