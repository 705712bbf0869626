package io.jichao.collection.link;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * First handler of a dial-in connection: waits for the registration packet, looks the port up,
 * then replaces itself with the port's pipeline (heartbeat filter → idle timeout → the port's
 * framing, codec and link handler). Bytes that came in the same read after the registration go on
 * to the new pipeline.
 *
 * <p>A connection that cannot register is closed, logged with what it sent (hex and printable) and
 * reported to the {@link UnknownDialInSink}: bytes that can no longer become a registration (at
 * once, not after the timeout), 64 bytes without a match, a registration naming no known port, or
 * an incomplete registration when the registration time runs out.
 */
final class RegistrationHandler extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(RegistrationHandler.class);
    /** Registration packets are short; more than this without a match is not a registration. */
    private static final int MAX_REGISTRATION_BYTES = 64;

    private final DialInSettings settings;
    private final PortDirectory directory;
    private final UnknownDialInSink unknown;
    private ScheduledFuture<?> deadline;

    RegistrationHandler(DialInSettings settings, PortDirectory directory, UnknownDialInSink unknown) {
        this.settings = settings;
        this.directory = directory;
        this.unknown = unknown;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> timedOut(ctx), settings.registrationTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        deadline.cancel(false);
    }

    private void timedOut(ChannelHandlerContext ctx) {
        ByteBuf pending = internalBuffer();
        if (pending.isReadable()) {
            byte[] bytes = ByteBufUtil.getBytes(pending, pending.readerIndex(),
                    Math.min(pending.readableBytes(), MAX_REGISTRATION_BYTES));
            log.warn("Dial-in from {} sent {} byte(s) but no complete registration within {}: closed; hex [{}] text \"{}\"",
                    ctx.channel().remoteAddress(), bytes.length, settings.registrationTimeout(), RawBytes.hex(bytes),
                    RawBytes.printable(bytes));
            report(ctx, bytes, null, null);
        } else {
            log.warn("Dial-in from {} sent nothing within {}: closed", ctx.channel().remoteAddress(),
                    settings.registrationTimeout());
        }
        ctx.close();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int length = Math.min(in.readableBytes(), MAX_REGISTRATION_BYTES);
        String text = in.toString(in.readerIndex(), length, StandardCharsets.ISO_8859_1);
        Matcher matcher = settings.registration().matcher(text);
        if (!matcher.lookingAt()) {
            // hitEnd: more bytes could still complete a registration; otherwise these never will.
            if (matcher.hitEnd() && in.readableBytes() < MAX_REGISTRATION_BYTES) {
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(in, in.readerIndex(), length);
            log.warn("Dial-in from {} did not register: closed; first {} byte(s) hex [{}] text \"{}\"",
                    ctx.channel().remoteAddress(), bytes.length, RawBytes.hex(bytes), RawBytes.printable(bytes));
            report(ctx, bytes, null, null);
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        String id = matcher.group("id");
        int port = Integer.parseInt(matcher.group("port"));
        Optional<PortLink> link = directory.dialInPort(id, port);
        if (link.isEmpty()) {
            byte[] bytes = ByteBufUtil.getBytes(in, in.readerIndex(), matcher.end());
            log.warn("Dial-in from {} registered as unknown {} port {}: closed; hex [{}] text \"{}\"",
                    ctx.channel().remoteAddress(), id, port, RawBytes.hex(bytes), RawBytes.printable(bytes));
            report(ctx, bytes, id, port);
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        in.skipBytes(matcher.end());
        PortLink portLink = link.get();
        long idleMillis = settings.idleTimeout().toMillis();
        ctx.pipeline().addLast("idle", new IdleStateHandler(idleMillis, 0, 0, TimeUnit.MILLISECONDS))
                .addLast("idle-close", new IdleCloseHandler(portLink.key()))
                .addLast("heartbeat", new HeartbeatFilter(settings.heartbeat()));
        portLink.initPipeline(ctx.pipeline());
        ctx.pipeline().remove(this);
        portLink.attach(ctx.channel());
    }

    private void report(ChannelHandlerContext ctx, byte[] bytes, String id, Integer port) {
        if (ctx.channel().remoteAddress() instanceof InetSocketAddress source) {
            try {
                unknown.unknown(source, bytes, id, port);
            } catch (RuntimeException e) {
                log.warn("Could not record the unknown dial-in from {}: {}", source, e.toString());
            }
        }
    }
}
