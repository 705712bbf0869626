package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.HexBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.Dlt645ParseResult.Corrupt;
import io.jichao.protocol.dlt645.Dlt645ParseResult.Decoded;
import io.jichao.protocol.dlt645.Dlt645ParseResult.NeedMoreBytes;
import io.jichao.protocol.dlt645.Dlt645ParseResult.Reason;
import org.junit.jupiter.api.Test;

class Dlt645FrameParserTest {

    private static final String V3_REQUEST = "68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 16";
    private static final String V2_ANSWER = "68 12 90 78 56 34 12 68 91 08 33 33 34 33 34 BC 9A 38 AE 16";

    @Test
    void asks_for_more_bytes_at_every_cut_inside_a_frame() {
        byte[] wire = hex("FE FE " + V3_REQUEST);
        for (int cut = 0; cut < wire.length; cut++) {
            assertThat(Dlt645FrameParser.parse(wire, 0, cut)).as("cut at %d", cut).isInstanceOf(NeedMoreBytes.class);
        }
        assertThat(Dlt645FrameParser.parse(wire)).isInstanceOf(Decoded.class);
    }

    @Test
    void reports_wake_up_bytes_as_discardable_while_waiting() {
        assertThat(Dlt645FrameParser.parse(hex("FE FE FE 68 12 90"))).isEqualTo(new NeedMoreBytes(3));
        assertThat(Dlt645FrameParser.parse(hex("FE FE FE FE FE FE"))).isEqualTo(new NeedMoreBytes(6));
    }

    @Test
    void skips_any_number_of_wake_up_bytes() {
        byte[] wire = hex("FE FE FE FE FE FE FE " + V3_REQUEST);
        Decoded decoded = (Decoded) Dlt645FrameParser.parse(wire);
        assertThat(decoded.consumed()).isEqualTo(wire.length);
    }

    @Test
    void tolerates_trailing_ff_after_the_end_byte() {
        byte[] wire = hex(V2_ANSWER + " FF FF " + V3_REQUEST);
        Decoded first = (Decoded) Dlt645FrameParser.parse(wire);
        Decoded second = (Decoded) Dlt645FrameParser.parse(wire, first.consumed(), wire.length - first.consumed());
        assertThat(second.frame().control().value()).isEqualTo(0x11);
    }

    @Test
    void finds_the_end_from_the_length_when_the_checksum_is_0x16() {
        Dlt645Frame frame = frameWithChecksum(0x16);
        byte[] wire = frame.encode(false);
        assertThat(wire[wire.length - 2]).isEqualTo((byte) 0x16);
        Decoded decoded = (Decoded) Dlt645FrameParser.parse(wire);
        assertThat(decoded.frame()).isEqualTo(frame);
        assertThat(decoded.consumed()).isEqualTo(wire.length);
    }

    @Test
    void accepts_0x68_inside_the_address() {
        Dlt645Frame frame = Dlt645Commands.read(MeterAddress.of("686868686868"), DataItem2007.VOLTAGE_A);
        assertThat(((Decoded) Dlt645FrameParser.parse(frame.encode(true))).frame()).isEqualTo(frame);
    }

    @Test
    void resynchronises_on_the_next_start_byte_after_noise() {
        byte[] wire = hex("01 02 03 " + V3_REQUEST);
        Corrupt corrupt = (Corrupt) Dlt645FrameParser.parse(wire);
        assertThat(corrupt).isEqualTo(new Corrupt(Reason.NOISE_BEFORE_START, 3));
        assertThat(Dlt645FrameParser.parse(wire, 3, wire.length - 3)).isInstanceOf(Decoded.class);
    }

    @Test
    void keeps_the_good_frame_behind_a_doubled_start_byte() {
        byte[] wire = hex("68 " + V3_REQUEST);
        Corrupt corrupt = (Corrupt) Dlt645FrameParser.parse(wire);
        assertThat(corrupt.reason()).isEqualTo(Reason.SECOND_START_MISSING);
        assertThat(corrupt.skip()).isEqualTo(1);
        assertThat(Dlt645FrameParser.parse(wire, 1, wire.length - 1)).isInstanceOf(Decoded.class);
    }

    @Test
    void rejects_a_bad_checksum_and_keeps_the_next_frame() {
        byte[] wire = hex("68 12 90 78 56 34 12 68 11 04 33 34 34 35 6C 16 " + V3_REQUEST);
        Corrupt corrupt = (Corrupt) Dlt645FrameParser.parse(wire);
        assertThat(corrupt.reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertThat(corrupt.skip()).isEqualTo(7);
        int rest = corrupt.skip();
        Dlt645ParseResult next = Dlt645FrameParser.parse(wire, rest, wire.length - rest);
        while (next instanceof Corrupt c) {
            rest += c.skip();
            next = Dlt645FrameParser.parse(wire, rest, wire.length - rest);
        }
        assertThat(next).isInstanceOf(Decoded.class);
        assertThat(rest).isEqualTo(16);
    }

    @Test
    void rejects_a_missing_end_byte() {
        Corrupt corrupt = (Corrupt) Dlt645FrameParser.parse(hex("68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 17"));
        assertThat(corrupt.reason()).isEqualTo(Reason.END_MISSING);
    }

    @Test
    void rejects_a_length_above_200_without_waiting_for_it() {
        Corrupt corrupt = (Corrupt) Dlt645FrameParser.parse(hex("68 12 90 78 56 34 12 68 91 C9"));
        assertThat(corrupt.reason()).isEqualTo(Reason.DATA_TOO_LONG);
    }

    @Test
    void rejects_an_address_that_is_not_bcd() {
        Corrupt corrupt = (Corrupt) Dlt645FrameParser.parse(hex("68 1F 90 78 56 34 12 68 11 04 33 34 34 35 78 16"));
        assertThat(corrupt.reason()).isEqualTo(Reason.INVALID_ADDRESS);
    }

    @Test
    void reads_data_bytes_at_and_above_0xcc_modulo_256() {
        byte[] plain = {(byte) 0xCC, (byte) 0xCD, (byte) 0xFF, 0x00};
        Dlt645Frame frame = Dlt645Frame.of(MeterAddress.of("123456789012"), 0x91, plain);
        byte[] wire = frame.encode(false);
        assertThat(wire[10]).isEqualTo((byte) 0xFF);
        assertThat(wire[11]).isEqualTo((byte) 0x00);
        assertThat(wire[12]).isEqualTo((byte) 0x32);
        assertThat(((Decoded) Dlt645FrameParser.parse(wire)).frame().data()).isEqualTo(plain);
    }

    @Test
    void reads_only_inside_the_given_window() {
        byte[] wire = hex("00 00 " + V3_REQUEST + " 00");
        Decoded decoded = (Decoded) Dlt645FrameParser.parse(wire, 2, 16);
        assertThat(decoded.consumed()).isEqualTo(16);
    }

    private static Dlt645Frame frameWithChecksum(int checksum) {
        MeterAddress address = MeterAddress.of("123456789012");
        for (int b = 0; b < 256; b++) {
            Dlt645Frame frame = Dlt645Frame.of(address, 0x91, (byte) 0x10, (byte) b);
            byte[] wire = frame.encode(false);
            if ((wire[wire.length - 2] & 0xFF) == checksum) {
                return frame;
            }
        }
        throw new AssertionError("no frame with checksum " + checksum);
    }
}
