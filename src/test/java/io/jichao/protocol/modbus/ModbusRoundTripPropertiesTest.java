package io.jichao.protocol.modbus;

import static io.jichao.protocol.RandomCases.anyInt;
import static io.jichao.protocol.RandomCases.between;
import static io.jichao.protocol.RandomCases.finiteFloat;
import static io.jichao.protocol.RandomCases.forAll;
import static io.jichao.protocol.RandomCases.listOf;
import static io.jichao.protocol.RandomCases.oneOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.modbus.ModbusParseResult.Decoded;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Random valid messages and values survive encode then decode unchanged; seeded, so a failure reproduces. */
class ModbusRoundTripPropertiesTest {

    private static final long SEED = 0x4D0D_B005L;

    @Test
    void requests_round_trip() {
        forAll(SEED, 300, ModbusRoundTripPropertiesTest::request, request -> {
            byte[] wire = request.encode();
            assertThat(ModbusRtuParser.forRequests().parse(wire)).isEqualTo(new Decoded(request, wire.length));
        });
    }

    @Test
    void responses_round_trip() {
        forAll(SEED, 300, ModbusRoundTripPropertiesTest::response, response -> {
            byte[] wire = response.encode();
            assertThat(ModbusRtuParser.forResponses().parse(wire)).isEqualTo(new Decoded(response, wire.length));
        });
    }

    @Test
    void int32_survives_either_word_order() {
        forAll(SEED, 300, random -> new Int32(anyInt(random), oneOf(random, WordOrder.values())), case_ -> {
            int[] registers = case_.order().registers(case_.value());
            assertThat(case_.order().int32(registers[0], registers[1])).isEqualTo(case_.value());
        });
    }

    @Test
    void float32_survives_either_word_order() {
        forAll(SEED, 300, random -> new Float32(finiteFloat(random), oneOf(random, WordOrder.values())), case_ -> {
            int[] registers = case_.order().registers(case_.value());
            assertThat(Float.floatToRawIntBits(case_.order().float32(registers[0], registers[1])))
                    .isEqualTo(Float.floatToRawIntBits(case_.value()));
        });
    }

    record Int32(int value, WordOrder order) {
    }

    record Float32(float value, WordOrder order) {
    }

    private static ModbusRequest request(RandomGenerator random) {
        int unit = between(random, 0, 247);
        int start = between(random, 0, 0xFF00);
        return switch (random.nextInt(4)) {
            case 0 -> new ModbusRequest.ReadHoldingRegisters(unit, start, between(random, 1, 125));
            case 1 -> new ModbusRequest.ReadInputRegisters(unit, start, between(random, 1, 125));
            case 2 -> new ModbusRequest.WriteSingleRegister(unit, register(random), register(random));
            default -> new ModbusRequest.WriteMultipleRegisters(unit, start,
                    listOf(random, 1, 123, ModbusRoundTripPropertiesTest::register));
        };
    }

    private static ModbusResponse response(RandomGenerator random) {
        int unit = between(random, 1, 247);
        return switch (random.nextInt(4)) {
            case 0 -> new ModbusResponse.ReadRegistersResponse(unit, oneOf(random, 3, 4), registers(random));
            case 1 -> new ModbusResponse.WriteSingleRegisterResponse(unit, register(random), register(random));
            case 2 -> new ModbusResponse.WriteMultipleRegistersResponse(unit, register(random), between(random, 1, 123));
            default -> new ModbusResponse.ExceptionResponse(unit, oneOf(random, 3, 4, 6, 16), between(random, 1, 11));
        };
    }

    private static List<Integer> registers(RandomGenerator random) {
        return listOf(random, 1, 125, ModbusRoundTripPropertiesTest::register);
    }

    private static int register(RandomGenerator random) {
        return between(random, 0, 0xFFFF);
    }
}
