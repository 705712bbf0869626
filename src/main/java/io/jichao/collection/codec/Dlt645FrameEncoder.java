package io.jichao.collection.codec;

import io.jichao.protocol.dlt645.Dlt645Frame;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

/**
 * Writes {@link Dlt645Frame}s. A master wakes meters with four {@code FE} bytes; a simulated meter
 * answers without them.
 *
 * <pre>
 * in : Dlt645Frame[address=123456789012, control=11, data=[00 01 01 02]]
 * out: FE FE FE FE 68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 16
 * </pre>
 */
@Sharable
public final class Dlt645FrameEncoder extends MessageToByteEncoder<Dlt645Frame> {

    private final boolean wakeUpPreamble;

    public Dlt645FrameEncoder(boolean wakeUpPreamble) {
        super(Dlt645Frame.class);
        this.wakeUpPreamble = wakeUpPreamble;
    }

    /** For the master side: with the wake-up preamble. */
    public static Dlt645FrameEncoder forMaster() {
        return new Dlt645FrameEncoder(true);
    }

    /** For a meter or simulator: without preamble. */
    public static Dlt645FrameEncoder forMeter() {
        return new Dlt645FrameEncoder(false);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Dlt645Frame frame, ByteBuf out) {
        out.writeBytes(frame.encode(wakeUpPreamble));
    }
}
