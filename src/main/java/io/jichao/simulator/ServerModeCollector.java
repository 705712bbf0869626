package io.jichao.simulator;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A collector in TCP-server mode: one listening socket per serial port. A configured TCP port of
 * 0 takes any free port at the first start; reboots listen again on the port actually bound.
 */
final class ServerModeCollector extends SimulatedCollector {

    private static final Logger log = LoggerFactory.getLogger(ServerModeCollector.class);
    private static final long REBIND_RETRY_MILLIS = 200;

    private final Map<Integer, Channel> listeners = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> boundPorts = new ConcurrentHashMap<>();

    ServerModeCollector(CollectorConfig config, Map<Integer, SimulatedBus> buses, EventLoopGroup group) {
        super(config, buses, group);
    }

    /** The TCP port a serial port listens on; known once the collector has started. */
    int boundPort(int portNumber) {
        Integer port = boundPorts.get(portNumber);
        if (port == null) {
            throw new IllegalStateException("collector " + id() + " port " + portNumber + " has not been bound");
        }
        return port;
    }

    @Override
    void startNetwork() {
        for (SimulatedBus bus : buses()) {
            ChannelFuture bound = bootstrap(bus).bind(config.listenHost(), bus.config().tcpPort())
                    .awaitUninterruptibly();
            if (!bound.isSuccess()) {
                throw new IllegalStateException("collector %s port %d cannot listen on %s:%d: %s".formatted(id(),
                        bus.config().number(), config.listenHost(), bus.config().tcpPort(), bound.cause()),
                        bound.cause());
            }
            register(bus, bound.channel());
        }
    }

    @Override
    void goDown() {
        listeners.values().forEach(Channel::close);
        listeners.clear();
        buses.values().forEach(SimulatedBus::goOffline);
    }

    @Override
    void comeUp() {
        buses.values().forEach(this::rebind);
    }

    private void rebind(SimulatedBus bus) {
        int port = boundPorts.get(bus.config().number());
        bootstrap(bus).bind(config.listenHost(), port).addListener((ChannelFuture bound) -> {
            if (state() != CollectorState.RUNNING) {
                bound.channel().close();
            } else if (bound.isSuccess()) {
                register(bus, bound.channel());
            } else {
                log.debug("Collector {} port {} could not listen on {} again: {}", id(), bus.config().number(), port,
                        bound.cause().toString());
                group.schedule(() -> rebind(bus), REBIND_RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    private void register(SimulatedBus bus, Channel listener) {
        listeners.put(bus.config().number(), listener);
        boundPorts.put(bus.config().number(), ((InetSocketAddress) listener.localAddress()).getPort());
    }

    private ServerBootstrap bootstrap(SimulatedBus bus) {
        return new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                // Lets a rebooted collector listen again at once even with connections in TIME_WAIT.
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        BusInboundHandler.install(channel.pipeline(), bus);
                    }
                });
    }
}
