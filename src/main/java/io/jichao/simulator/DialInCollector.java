package io.jichao.simulator;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collector in TCP-client mode: each serial port dials {@code dialIn.host:port} on its own
 * connection, registers, and sends heartbeats when idle. A refused or dropped connection is
 * retried after 0.5 s, doubling up to 30 s, and logged at debug only: an engine that is not up yet
 * is normal, not an error.
 */
final class DialInCollector extends SimulatedCollector {

    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(DialInCollector.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private final Map<Integer, Channel> connections = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> failures = new ConcurrentHashMap<>();

    DialInCollector(CollectorConfig config, Map<Integer, SimulatedBus> buses, EventLoopGroup group) {
        super(config, buses, group);
    }

    @Override
    void startNetwork() {
        buses.values().forEach(this::dial);
    }

    @Override
    void goDown() {
        connections.values().forEach(Channel::close);
        connections.clear();
        buses.values().forEach(SimulatedBus::goOffline);
    }

    @Override
    void comeUp() {
        failures.clear();
        buses.values().forEach(this::dial);
    }

    private void dial(SimulatedBus bus) {
        if (state() != CollectorState.RUNNING) {
            return;
        }
        DialInConfig dialIn = config.dialIn();
        int portNumber = bus.config().number();
        bootstrap(bus).connect(dialIn.host(), dialIn.port()).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                log.debug("Collector {} port {} could not dial {}:{}: {}", id(), portNumber, dialIn.host(),
                        dialIn.port(), connected.cause().toString());
                retryLater(bus);
                return;
            }
            Channel channel = connected.channel();
            if (state() != CollectorState.RUNNING) {
                channel.close();
                return;
            }
            failures.remove(portNumber);
            connections.put(portNumber, channel);
            channel.closeFuture().addListener(closed -> {
                connections.remove(portNumber, channel);
                log.debug("Collector {} port {} lost its dial-in connection", id(), portNumber);
                retryLater(bus);
            });
        });
    }

    private void retryLater(SimulatedBus bus) {
        if (state() != CollectorState.RUNNING || group.isShuttingDown()) {
            return;
        }
        int attempt = failures.merge(bus.config().number(), 1, Integer::sum);
        long delay = Math.min(MAX_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(attempt - 1, 16));
        group.schedule(() -> dial(bus), delay, TimeUnit.MILLISECONDS);
    }

    private Bootstrap bootstrap(SimulatedBus bus) {
        DialInConfig dialIn = config.dialIn();
        long heartbeatMillis = dialIn.heartbeatInterval().toMillis();
        String registration = dialIn.registrationFor(bus.config().number());
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        // Idle detection sees every write, then registration and heartbeats, then the bus.
                        channel.pipeline().addLast("idle",
                                new IdleStateHandler(0, heartbeatMillis, 0, TimeUnit.MILLISECONDS));
                        channel.pipeline().addLast("dial-in", new DialInHandler(registration, dialIn.heartbeat()));
                        BusInboundHandler.install(channel.pipeline(), bus);
                    }
                });
    }
}
