package io.jichao.collection.link;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The listener CLIENT-mode (dial-in) collectors connect to, one connection per serial port. A new
 * connection starts with only the {@link RegistrationHandler}; once it has named a known port, the
 * connection gets that port's pipeline and replaces any older connection of the same port; one that
 * cannot register is closed and reported to the {@link UnknownDialInSink}.
 */
public final class DialInServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DialInServer.class);

    private final Channel serverChannel;

    private DialInServer(Channel serverChannel) {
        this.serverChannel = serverChannel;
    }

    /** Binds {@code host:port}; port 0 takes any free port (read it with {@link #port()}). */
    public static DialInServer bind(EventLoopGroup group, String host, int port, DialInSettings settings,
                                    PortDirectory directory, UnknownDialInSink unknown) {
        Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel child) {
                        child.pipeline().addLast("registration", new RegistrationHandler(settings, directory, unknown));
                    }
                })
                .bind(host, port).syncUninterruptibly().channel();
        DialInServer server = new DialInServer(channel);
        log.info("Dial-in listener on {}:{}", host, server.port());
        return server;
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
    }
}
