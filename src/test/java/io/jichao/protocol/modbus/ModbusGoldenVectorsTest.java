package io.jichao.protocol.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jichao.protocol.modbus.ModbusParseResult.Corrupt;
import io.jichao.protocol.modbus.ModbusParseResult.Decoded;
import io.jichao.protocol.modbus.ModbusParseResult.NeedMoreBytes;
import io.jichao.protocol.modbus.ModbusRequest.ReadHoldingRegisters;
import io.jichao.protocol.modbus.ModbusRequest.ReadInputRegisters;
import io.jichao.protocol.modbus.ModbusRequest.WriteMultipleRegisters;
import io.jichao.protocol.modbus.ModbusRequest.WriteSingleRegister;
import io.jichao.protocol.modbus.ModbusResponse.ExceptionResponse;
import io.jichao.protocol.modbus.ModbusResponse.ReadRegistersResponse;
import io.jichao.protocol.modbus.ModbusResponse.WriteMultipleRegistersResponse;
import io.jichao.protocol.modbus.ModbusResponse.WriteSingleRegisterResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Modbus RTU vectors of the protocol reference (dlt645.md section 8) and the request shapes. */
class ModbusGoldenVectorsTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();
    private final ModbusRtuParser master = ModbusRtuParser.forResponses();
    private final ModbusRtuParser slave = ModbusRtuParser.forRequests();

    @Test
    void crc_of_the_check_string_is_0x4b37() {
        assertThat(Crc16Modbus.compute("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0x4B37);
    }

    @Test
    void encodes_and_decodes_read_holding_registers_request() {
        assertRequest(new ReadHoldingRegisters(1, 0, 10), "01 03 00 00 00 0A C5 CD");
    }

    @Test
    void encodes_and_decodes_read_input_registers_request() {
        assertRequest(new ReadInputRegisters(1, 0, 2), "01 04 00 00 00 02 71 CB");
    }

    @Test
    void encodes_and_decodes_a_single_register_answer() {
        ReadRegistersResponse answer = new ReadRegistersResponse(2, 3, List.of(7));
        assertResponse(answer, "02 03 02 00 07 BD 86");
        assertThat(answer.matches(new ReadHoldingRegisters(2, 0, 1))).isTrue();
        assertThat(answer.matches(new ReadInputRegisters(2, 0, 1))).isFalse();
    }

    @Test
    void decodes_float_220_1_in_high_word_first_order() {
        ReadRegistersResponse answer = new ReadRegistersResponse(1, 3, List.of(0x435C, 0x199A));
        assertResponse(answer, "01 03 04 43 5C 19 9A A4 5E");
        assertThat(answer.float32(0, WordOrder.HIGH_WORD_FIRST)).isEqualTo(220.1f);
        assertThat(answer.float32(0, WordOrder.LOW_WORD_FIRST)).isNotEqualTo(220.1f);
        assertThat(WordOrder.LOW_WORD_FIRST.float32(0x199A, 0x435C)).isEqualTo(220.1f);
    }

    @Test
    void decodes_an_illegal_data_address_exception() {
        ExceptionResponse exception = new ExceptionResponse(1, 3, ModbusExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertResponse(exception, "01 83 02 C0 F1");
        assertThat(exception.exceptionCode()).contains(ModbusExceptionCode.ILLEGAL_DATA_ADDRESS);
        assertThat(exception.matches(new ReadHoldingRegisters(1, 0, 10))).isTrue();
    }

    @Test
    void round_trips_register_writes_in_both_directions() {
        WriteSingleRegister single = new WriteSingleRegister(1, 0x0001, 0x0003);
        assertRequest(single, "01 06 00 01 00 03 98 0B");
        assertResponse(new WriteSingleRegisterResponse(1, 1, 3), "01 06 00 01 00 03 98 0B");
        assertThat(new WriteSingleRegisterResponse(1, 1, 3).matches(single)).isTrue();

        WriteMultipleRegisters multiple = new WriteMultipleRegisters(1, 0x0001, List.of(0x000A, 0x0102));
        assertRequest(multiple, "01 10 00 01 00 02 04 00 0A 01 02 92 30");
        assertResponse(new WriteMultipleRegistersResponse(1, 1, 2), "01 10 00 01 00 02 10 08");
        assertThat(new WriteMultipleRegistersResponse(1, 1, 2).matches(multiple)).isTrue();
    }

    @Test
    void same_bytes_have_different_lengths_per_direction() {
        byte[] request = HEX.parseHex("01 03 00 00 00 0A C5 CD");
        assertThat(slave.parse(request)).isInstanceOf(Decoded.class);
        assertThat(master.parse(request)).isNotInstanceOf(Decoded.class);
    }

    @Test
    void waits_for_the_byte_count_at_every_cut() {
        byte[] answer = HEX.parseHex("01 03 04 43 5C 19 9A A4 5E");
        for (int cut = 0; cut < answer.length; cut++) {
            assertThat(master.parse(answer, 0, cut)).as("cut %d", cut).isInstanceOf(NeedMoreBytes.class);
        }
    }

    @Test
    void skips_one_byte_on_a_crc_mismatch() {
        assertThat(master.parse(HEX.parseHex("01 83 02 C0 F2"))).isEqualTo(new Corrupt(ModbusParseResult.Reason.CRC_MISMATCH, 1));
    }

    @Test
    void rejects_unknown_functions_and_inconsistent_byte_counts() {
        assertThat(slave.parse(HEX.parseHex("01 2B 00 00"))).isInstanceOf(Corrupt.class);
        assertThat(slave.parse(HEX.parseHex("01 10 00 01 00 02 03 00 0A 01 92 30"))).isInstanceOf(Corrupt.class);
        assertThat(master.parse(HEX.parseHex("01 03 03 00 00 00 00 00"))).isInstanceOf(Corrupt.class);
    }

    @Test
    void splits_32_bit_values_into_registers_by_word_order() {
        assertThat(WordOrder.HIGH_WORD_FIRST.registers(0x12345678)).containsExactly(0x1234, 0x5678);
        assertThat(WordOrder.LOW_WORD_FIRST.registers(0x12345678)).containsExactly(0x5678, 0x1234);
        assertThat(WordOrder.LOW_WORD_FIRST.int32(0x5678, 0x1234)).isEqualTo(0x12345678);
        assertThat(WordOrder.HIGH_WORD_FIRST.uint32(0xFFFF, 0xFFFF)).isEqualTo(0xFFFF_FFFFL);
        assertThat(WordOrder.HIGH_WORD_FIRST.int32(0xFFFF, 0xFFFE)).isEqualTo(-2);
    }

    @Test
    void refuses_impossible_requests() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadHoldingRegisters(1, 0, 126));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadHoldingRegisters(248, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new ReadHoldingRegisters(1, 0xFFFF, 2));
        assertThatIllegalArgumentException().isThrownBy(() -> new WriteSingleRegister(1, 0, 0x10000));
    }

    private void assertRequest(ModbusRequest request, String wire) {
        assertThat(HEX.formatHex(request.encode())).isEqualTo(wire);
        assertThat(slave.parse(HEX.parseHex(wire))).isEqualTo(new Decoded(request, HEX.parseHex(wire).length));
    }

    private void assertResponse(ModbusResponse response, String wire) {
        assertThat(HEX.formatHex(response.encode())).isEqualTo(wire);
        assertThat(master.parse(HEX.parseHex(wire))).isEqualTo(new Decoded(response, HEX.parseHex(wire).length));
    }
}
