package io.jichao.simulator;

import io.jichao.collection.codec.Dlt645FrameDecoder;
import io.jichao.collection.codec.ModbusRtuDecoder;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The end of a port connection's pipeline: attaches the connection to its bus and hands it every frame. */
final class BusInboundHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(BusInboundHandler.class);

    private final SimulatedBus bus;

    private BusInboundHandler(SimulatedBus bus) {
        this.bus = bus;
    }

    /**
     * Framing first, because TCP re-chunks the serial stream and the meters need whole frames;
     * then the bus. Outbound bytes are written raw by the bus (it adds preambles and faults).
     */
    static void install(ChannelPipeline pipeline, SimulatedBus bus) {
        pipeline.addLast("framing", bus.config().protocol().isDlt645()
                ? new Dlt645FrameDecoder() : ModbusRtuDecoder.forSlave());
        pipeline.addLast("bus", new BusInboundHandler(bus));
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        bus.attach(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object frame) {
        bus.receive(frame);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("Connection {} of {} port {} failed: {}", ctx.channel().remoteAddress(), bus.collectorId(),
                bus.config().number(), cause.toString());
        ctx.close();
    }
}
