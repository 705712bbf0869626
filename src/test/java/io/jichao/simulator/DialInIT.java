package io.jichao.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.MeterAddress;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A CLIENT-mode collector dialling in to a test server that stands in for the engine. */
class DialInIT {

    private EventLoopGroup serverGroup;
    private Channel server;
    private final List<Channel> accepted = new CopyOnWriteArrayList<>();
    private final Map<Channel, ByteArrayOutputStream> received = new ConcurrentHashMap<>();
    private Simulator simulator;

    @BeforeEach
    void startEngineStandIn() {
        serverGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerBootstrap().group(serverGroup).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        accepted.add(channel);
                        received.put(channel, new ByteArrayOutputStream());
                        channel.pipeline().addLast(new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf bytes) {
                                byte[] copy = new byte[bytes.readableBytes()];
                                bytes.readBytes(copy);
                                ByteArrayOutputStream sink = received.get(ctx.channel());
                                synchronized (sink) {
                                    sink.writeBytes(copy);
                                }
                            }
                        });
                    }
                })
                .bind("127.0.0.1", 0).syncUninterruptibly().channel();
        int port = ((InetSocketAddress) server.localAddress()).getPort();
        DialInConfig dialIn = DialInConfig.of("127.0.0.1", port, "DH600-D").withHeartbeat("HB", Duration.ofMillis(200));
        MeterConfig meter = MeterConfig.of("370104019900").withLoad(LoadProfile.FLAT, "0", "0", 0)
                .withInitialEnergyKwh(new BigDecimal("1234.56"));
        SimulatorConfig config = SimulatorConfig.of(5, List.of(CollectorConfig.client("D", Dh600Model.DH602, dialIn,
                List.of(PortConfig.of(1, BusProtocol.DLT645_2007, List.of(meter)).withBaud(9600)
                                .withResponseDelay(Duration.ZERO),
                        PortConfig.of(2, BusProtocol.DLT645_2007, List.of()).withResponseDelay(Duration.ZERO)))));
        simulator = new Simulator(config, SimulationClock.manual(Instant.parse("2024-05-17T01:00:00Z"))).start();
    }

    @AfterEach
    void stopAll() {
        simulator.close();
        server.close().syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void each_port_dials_in_registers_once_and_sends_heartbeats_when_idle() throws Exception {
        await(() -> accepted.size() == 2);
        await(() -> accepted.stream().allMatch(channel -> text(channel).contains("HBHB")));

        List<String> streams = accepted.stream().map(this::text).sorted().toList();
        assertThat(streams.get(0)).startsWith("DH600-D:1HB");
        assertThat(streams.get(1)).startsWith("DH600-D:2HB");
        assertThat(streams).allSatisfy(stream -> assertThat(stream.split("DH600-D", -1)).hasSize(2));
    }

    @Test
    void requests_on_a_dialled_in_connection_are_answered_on_it() throws Exception {
        await(() -> accepted.size() == 2 && accepted.stream().allMatch(channel -> text(channel).startsWith("DH600-D:")));
        Channel portOne = accepted.stream().filter(channel -> text(channel).startsWith("DH600-D:1")).findFirst()
                .orElseThrow();
        byte[] request = Dlt645Commands.read(MeterAddress.of("370104019900"), DataItem2007.FORWARD_ACTIVE_TOTAL)
                .encode(true);

        portOne.writeAndFlush(Unpooled.wrappedBuffer(request)).syncUninterruptibly();

        // The answer's value 1234.56 travels as 89 67 45 33 after the identifier 33 33 34 33.
        await(() -> hex(portOne).contains("91 08 33 33 34 33 89 67 45 33"));
    }

    @Test
    void a_dropped_connection_is_dialled_again_and_registers_again() throws Exception {
        await(() -> accepted.size() == 2);
        accepted.getFirst().close().syncUninterruptibly();

        await(() -> accepted.size() == 3);
        await(() -> text(accepted.get(2)).startsWith("DH600-D:"));
    }

    private String text(Channel channel) {
        ByteArrayOutputStream sink = received.get(channel);
        synchronized (sink) {
            return sink.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private String hex(Channel channel) {
        ByteArrayOutputStream sink = received.get(channel);
        synchronized (sink) {
            return java.util.HexFormat.ofDelimiter(" ").withUpperCase().formatHex(sink.toByteArray());
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
