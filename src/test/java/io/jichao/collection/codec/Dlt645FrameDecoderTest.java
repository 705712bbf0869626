package io.jichao.collection.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.MeterAddress;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dlt645FrameDecoderTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final MeterAddress METER = MeterAddress.of("123456789012");
    private static final String V3_ANSWER = "68 12 90 78 56 34 12 68 91 06 33 34 34 35 34 55 76 16";
    private static final String V2_ANSWER = "68 12 90 78 56 34 12 68 91 08 33 33 34 33 34 BC 9A 38 AE 16";
    private static final Dlt645Frame V3_FRAME = Dlt645Frame.of(METER, 0x91, HEX.parseHex("00 01 01 02 01 22"));
    private static final Dlt645Frame V2_FRAME = Dlt645Frame.of(METER, 0x91, HEX.parseHex("00 00 01 00 01 89 67 05"));

    @Test
    void decodes_a_frame_split_at_every_position() {
        byte[] wire = HEX.parseHex("FE FE FE FE " + V3_ANSWER);
        for (int cut = 1; cut < wire.length; cut++) {
            Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
            EmbeddedChannel channel = new EmbeddedChannel(decoder);
            channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, cut));
            assertThat((Object) channel.readInbound()).as("after %d bytes", cut).isNull();
            channel.writeInbound(Unpooled.wrappedBuffer(wire, cut, wire.length - cut));
            assertThat((Object) channel.readInbound()).as("cut at %d", cut).isEqualTo(V3_FRAME);
            assertThat(decoder.statistics().corruptions()).isZero();
            assertThat(channel.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void decodes_a_frame_fed_one_byte_at_a_time_from_a_direct_buffer() {
        EmbeddedChannel channel = new EmbeddedChannel(new Dlt645FrameDecoder());
        for (byte b : HEX.parseHex(V2_ANSWER)) {
            ByteBuf direct = Unpooled.directBuffer(1).writeByte(b);
            channel.writeInbound(direct);
        }
        assertThat((Object) channel.readInbound()).isEqualTo(V2_FRAME);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void decodes_every_frame_of_a_concatenated_read_with_noise_and_filler() {
        Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        String stream = "00 13 37 FE FE " + V3_ANSWER + " FF FF " + V2_ANSWER + " 68 68 01 " + V3_ANSWER;
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(stream)));
        assertThat(readAll(channel)).containsExactly(V3_FRAME, V2_FRAME, V3_FRAME);
        assertThat(decoder.statistics().frames()).isEqualTo(3);
        assertThat(decoder.statistics().corruptions()).isPositive();
        // "00 13 37 FE FE" up to the first 68 (filler inside a noise run goes with it), then "68" and "68 01".
        assertThat(decoder.statistics().discardedBytes()).isEqualTo(8);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void skips_and_counts_a_frame_with_a_bad_checksum_but_keeps_the_next() {
        Dlt645FrameDecoder decoder = new Dlt645FrameDecoder();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        String corrupt = "68 12 90 78 56 34 12 68 91 06 33 34 34 35 34 55 77 16";
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex(corrupt + " " + V3_ANSWER)));
        assertThat(readAll(channel)).containsExactly(V3_FRAME);
        assertThat(decoder.statistics().corruptions()).isEqualTo(2);
        assertThat(decoder.statistics().discardedBytes()).isEqualTo(18);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void holds_at_most_one_partial_frame_whatever_arrives() {
        Dlt645FrameDecoder decoder = new Dlt645FrameDecoder(512, new FrameDecodeStatistics());
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        byte[] noise = new byte[10_000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (i % 7 == 0 ? 0x68 : i);
        }
        channel.writeInbound(Unpooled.wrappedBuffer(noise));
        assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(Dlt645Frame.OVERHEAD + Dlt645Frame.MAX_DATA_LENGTH);
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("16 16 16 " + V3_ANSWER)));
        assertThat(readAll(channel)).endsWith(V3_FRAME);
        channel.finishAndReleaseAll();
    }

    @Test
    void encoder_writes_the_wake_up_preamble_for_the_master_only() {
        Dlt645Frame request = Dlt645Commands.read(METER, DataItem2007.VOLTAGE_A);
        EmbeddedChannel master = new EmbeddedChannel(Dlt645FrameEncoder.forMaster());
        master.writeOutbound(request);
        ByteBuf written = master.readOutbound();
        assertThat(HEX.formatHex(bytes(written))).isEqualTo("FE FE FE FE 68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 16");
        written.release();

        EmbeddedChannel meter = new EmbeddedChannel(Dlt645FrameEncoder.forMeter());
        meter.writeOutbound(V3_FRAME);
        ByteBuf answer = meter.readOutbound();
        assertThat(HEX.formatHex(bytes(answer))).isEqualTo(V3_ANSWER);
        answer.release();
        assertThat(master.finishAndReleaseAll()).isFalse();
        assertThat(meter.finishAndReleaseAll()).isFalse();
    }

    @Test
    void encoder_and_decoder_round_trip_through_one_pipeline() {
        EmbeddedChannel channel = new EmbeddedChannel(new Dlt645FrameDecoder(), Dlt645FrameEncoder.forMaster());
        channel.writeOutbound(V2_FRAME);
        ByteBuf wire = channel.readOutbound();
        channel.writeInbound(wire);
        assertThat((Object) channel.readInbound()).isEqualTo(V2_FRAME);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private static List<Object> readAll(EmbeddedChannel channel) {
        List<Object> frames = new ArrayList<>();
        for (Object frame = channel.readInbound(); frame != null; frame = channel.readInbound()) {
            frames.add(frame);
        }
        return frames;
    }

    private static byte[] bytes(ByteBuf buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }
}
