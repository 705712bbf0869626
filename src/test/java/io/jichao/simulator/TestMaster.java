package io.jichao.simulator;

import io.jichao.collection.codec.Dlt645FrameDecoder;
import io.jichao.collection.codec.FrameDecodeStatistics;
import io.jichao.collection.codec.ModbusRtuDecoder;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.modbus.ModbusMessage;
import io.jichao.protocol.modbus.ModbusRtuParser;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The engine's side in tests: a TCP client that sends frames and collects decoded answers. */
final class TestMaster implements AutoCloseable {

    private final Channel channel;
    private final FrameDecodeStatistics statistics = new FrameDecodeStatistics();
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    private TestMaster(EventLoopGroup group, int port, boolean modbus) {
        ByteToMessageDecoder decoder = modbus
                ? new ModbusRtuDecoder(ModbusRtuParser.forResponses(), 4096, statistics)
                : new Dlt645FrameDecoder(4096, statistics);
        channel = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(decoder, new SimpleChannelInboundHandler<Object>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, Object message) {
                                received.add(message);
                            }
                        });
                    }
                })
                .connect("127.0.0.1", port).syncUninterruptibly().channel();
    }

    static TestMaster dlt645(EventLoopGroup group, int port) {
        return new TestMaster(group, port, false);
    }

    static TestMaster modbus(EventLoopGroup group, int port) {
        return new TestMaster(group, port, true);
    }

    void send(Dlt645Frame request) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(request.encode(true))).syncUninterruptibly();
    }

    void send(ModbusMessage request) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(request.encode())).syncUninterruptibly();
    }

    /** The next decoded answer, or null when none comes within {@code timeout}. */
    Object next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    Dlt645Frame nextFrame() throws InterruptedException {
        return (Dlt645Frame) next(Duration.ofSeconds(3));
    }

    FrameDecodeStatistics statistics() {
        return statistics;
    }

    Channel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }
}
