package io.jichao.collection.link;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * Keeps one TCP connection open to a SERVER-mode collector port (the unit listens, one TCP port per
 * serial port). A refused or dropped connection is tried again after 0.5 s, doubling up to 30 s,
 * back to 0.5 s once connected. Everything runs on the port's event loop, so there is no locking.
 */
public final class ServerPortConnector {

    private static final Logger log = LoggerFactory.getLogger(ServerPortConnector.class);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final PortLink link;
    private final String host;
    private final int tcpPort;
    private final Bootstrap bootstrap;
    private volatile boolean stopped;
    private Duration backoff = FIRST_BACKOFF;

    public ServerPortConnector(PortLink link, String host, int tcpPort, Duration connectTimeout) {
        this.link = link;
        this.host = host;
        this.tcpPort = tcpPort;
        this.bootstrap = new Bootstrap().group(link.loop()).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        link.initPipeline(channel.pipeline());
                    }
                });
    }

    public void start() {
        link.loop().execute(this::connect);
    }

    /**
     * Stops reconnecting; the connection itself is the link's business ({@link PortLink#retire}
     * closes it between two exchanges, {@link PortLink#close} at once).
     */
    public void stop() {
        stopped = true;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        ChannelFuture attempt = bootstrap.connect(host, tcpPort);
        attempt.addListener(done -> {
            if (!done.isSuccess()) {
                log.debug("{}: connect to {}:{} failed ({}), next try in {}", link.key(), host, tcpPort,
                        done.cause().toString(), backoff);
                retryLater();
                return;
            }
            Channel channel = attempt.channel();
            backoff = FIRST_BACKOFF;
            channel.closeFuture().addListener(closed -> retryLater());
            link.attach(channel);
        });
    }

    private void retryLater() {
        if (stopped) {
            return;
        }
        Duration delay = backoff;
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
        link.loop().schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
