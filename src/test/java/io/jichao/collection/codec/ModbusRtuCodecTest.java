package io.jichao.collection.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.modbus.ModbusRequest.ReadHoldingRegisters;
import io.jichao.protocol.modbus.ModbusRequest.WriteMultipleRegisters;
import io.jichao.protocol.modbus.ModbusResponse.ExceptionResponse;
import io.jichao.protocol.modbus.ModbusResponse.ReadRegistersResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModbusRtuCodecTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private static final String FLOAT_ANSWER = "01 03 04 43 5C 19 9A A4 5E";
    private static final String EXCEPTION = "01 83 02 C0 F1";
    private static final ReadRegistersResponse FLOAT_RESPONSE = new ReadRegistersResponse(1, 3, List.of(0x435C, 0x199A));

    @Test
    void master_decodes_an_answer_split_at_every_position() {
        byte[] wire = HEX.parseHex(FLOAT_ANSWER);
        for (int cut = 1; cut < wire.length; cut++) {
            EmbeddedChannel channel = new EmbeddedChannel(ModbusRtuDecoder.forMaster());
            channel.writeInbound(Unpooled.wrappedBuffer(wire, 0, cut));
            assertThat((Object) channel.readInbound()).isNull();
            channel.writeInbound(Unpooled.wrappedBuffer(wire, cut, wire.length - cut));
            assertThat((Object) channel.readInbound()).as("cut at %d", cut).isEqualTo(FLOAT_RESPONSE);
            assertThat(channel.finishAndReleaseAll()).isFalse();
        }
    }

    @Test
    void master_decodes_concatenated_answers_behind_noise() {
        ModbusRtuDecoder decoder = ModbusRtuDecoder.forMaster();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("00 FF " + FLOAT_ANSWER + " " + EXCEPTION
                + " 02 03 02 00 07 BD 86")));
        assertThat(readAll(channel)).containsExactly(FLOAT_RESPONSE, new ExceptionResponse(1, 3, 2),
                new ReadRegistersResponse(2, 3, List.of(7)));
        assertThat(decoder.statistics().corruptions()).isEqualTo(2);
        assertThat(decoder.statistics().discardedBytes()).isEqualTo(2);
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void slave_decodes_requests_and_encodes_answers() {
        EmbeddedChannel slave = new EmbeddedChannel(ModbusRtuDecoder.forSlave(), new ModbusRtuEncoder());
        slave.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("01 03 00 00 00 0A C5 CD 01 10 00 01 00 02 04 00 0A 01 02 92 30")));
        assertThat(readAll(slave)).containsExactly(new ReadHoldingRegisters(1, 0, 10),
                new WriteMultipleRegisters(1, 1, List.of(10, 0x0102)));
        slave.writeOutbound(new ExceptionResponse(1, 3, 2));
        ByteBuf out = slave.readOutbound();
        byte[] bytes = new byte[out.readableBytes()];
        out.readBytes(bytes);
        out.release();
        assertThat(HEX.formatHex(bytes)).isEqualTo(EXCEPTION);
        assertThat(slave.finishAndReleaseAll()).isFalse();
    }

    @Test
    void master_counts_a_crc_error_and_resynchronises() {
        ModbusRtuDecoder decoder = ModbusRtuDecoder.forMaster();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("01 83 02 C0 F2 " + FLOAT_ANSWER)));
        assertThat(readAll(channel)).containsExactly(FLOAT_RESPONSE);
        assertThat(decoder.statistics().corruptions()).isPositive();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    private static List<Object> readAll(EmbeddedChannel channel) {
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }
}
