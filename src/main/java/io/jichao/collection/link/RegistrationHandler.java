package io.jichao.collection.link;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * First handler of a dial-in connection: waits for the registration packet, looks the port up,
 * then replaces itself with the port's pipeline (heartbeat filter → idle timeout → the port's
 * framing, codec and link handler). Bytes that came in the same read after the registration go on
 * to the new pipeline. An unknown ID, garbage or no registration in time closes the connection.
 */
final class RegistrationHandler extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(RegistrationHandler.class);
    /** Registration packets are short; more than this without a match is not a registration. */
    private static final int MAX_REGISTRATION_BYTES = 64;

    private final DialInSettings settings;
    private final PortDirectory directory;
    private ScheduledFuture<?> deadline;

    RegistrationHandler(DialInSettings settings, PortDirectory directory) {
        this.settings = settings;
        this.directory = directory;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            log.warn("Dial-in from {} sent no registration within {}: closed", ctx.channel().remoteAddress(),
                    settings.registrationTimeout());
            ctx.close();
        }, settings.registrationTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        deadline.cancel(false);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int length = Math.min(in.readableBytes(), MAX_REGISTRATION_BYTES);
        String text = in.toString(in.readerIndex(), length, StandardCharsets.ISO_8859_1);
        Matcher matcher = settings.registration().matcher(text);
        if (!matcher.lookingAt()) {
            if (in.readableBytes() >= MAX_REGISTRATION_BYTES) {
                log.warn("Dial-in from {} did not register ({}): closed", ctx.channel().remoteAddress(), text);
                in.skipBytes(in.readableBytes());
                ctx.close();
            }
            return;
        }
        String id = matcher.group("id");
        int port = Integer.parseInt(matcher.group("port"));
        Optional<PortLink> link = directory.dialInPort(id, port);
        in.skipBytes(matcher.end());
        if (link.isEmpty()) {
            log.warn("Dial-in from {} registered as unknown {}:{}: closed", ctx.channel().remoteAddress(), id, port);
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        PortLink portLink = link.get();
        long idleMillis = settings.idleTimeout().toMillis();
        ctx.pipeline().addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast("idle-close", new IdleCloseHandler(portLink.key()))
                .addLast("heartbeat", new HeartbeatFilter(settings.heartbeat()));
        portLink.initPipeline(ctx.pipeline());
        ctx.pipeline().remove(this);
        portLink.attach(ctx.channel());
    }
}
