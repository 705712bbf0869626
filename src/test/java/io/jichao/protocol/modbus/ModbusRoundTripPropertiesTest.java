package io.jichao.protocol.modbus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.modbus.ModbusParseResult.Decoded;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ModbusRoundTripPropertiesTest {

    @Property(tries = 300)
    void requests_round_trip(@ForAll("requests") ModbusRequest request) {
        byte[] wire = request.encode();
        assertThat(ModbusRtuParser.forRequests().parse(wire)).isEqualTo(new Decoded(request, wire.length));
    }

    @Property(tries = 300)
    void responses_round_trip(@ForAll("responses") ModbusResponse response) {
        byte[] wire = response.encode();
        assertThat(ModbusRtuParser.forResponses().parse(wire)).isEqualTo(new Decoded(response, wire.length));
    }

    @Property(tries = 300)
    void int32_survives_either_word_order(@ForAll int value, @ForAll WordOrder order) {
        int[] registers = order.registers(value);
        assertThat(order.int32(registers[0], registers[1])).isEqualTo(value);
    }

    @Property(tries = 300)
    void float32_survives_either_word_order(@ForAll float value, @ForAll WordOrder order) {
        int[] registers = order.registers(value);
        assertThat(Float.floatToRawIntBits(order.float32(registers[0], registers[1])))
                .isEqualTo(Float.floatToRawIntBits(value));
    }

    @Provide
    Arbitrary<ModbusRequest> requests() {
        Arbitrary<Integer> unit = Arbitraries.integers().between(0, 247);
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 0xFF00);
        Arbitrary<Integer> register = Arbitraries.integers().between(0, 0xFFFF);
        return Arbitraries.oneOf(
                Combinators.combine(unit, start, Arbitraries.integers().between(1, 125))
                        .as(ModbusRequest.ReadHoldingRegisters::new),
                Combinators.combine(unit, start, Arbitraries.integers().between(1, 125))
                        .as(ModbusRequest.ReadInputRegisters::new),
                Combinators.combine(unit, register, register).as(ModbusRequest.WriteSingleRegister::new),
                Combinators.combine(unit, start, register.list().ofMinSize(1).ofMaxSize(123))
                        .as(ModbusRequest.WriteMultipleRegisters::new));
    }

    @Provide
    Arbitrary<ModbusResponse> responses() {
        Arbitrary<Integer> unit = Arbitraries.integers().between(1, 247);
        Arbitrary<Integer> register = Arbitraries.integers().between(0, 0xFFFF);
        Arbitrary<List<Integer>> registers = register.list().ofMinSize(1).ofMaxSize(125);
        return Arbitraries.oneOf(
                Combinators.combine(unit, Arbitraries.of(3, 4), registers)
                        .as(ModbusResponse.ReadRegistersResponse::new),
                Combinators.combine(unit, register, register).as(ModbusResponse.WriteSingleRegisterResponse::new),
                Combinators.combine(unit, register, Arbitraries.integers().between(1, 123))
                        .as(ModbusResponse.WriteMultipleRegistersResponse::new),
                Combinators.combine(unit, Arbitraries.of(3, 4, 6, 16), Arbitraries.integers().between(1, 11))
                        .as(ModbusResponse.ExceptionResponse::new));
    }
}
