package io.jichao.protocol.modbus;

import io.jichao.protocol.modbus.ModbusParseResult.Corrupt;
import io.jichao.protocol.modbus.ModbusParseResult.Decoded;
import io.jichao.protocol.modbus.ModbusParseResult.NeedMoreBytes;
import io.jichao.protocol.modbus.ModbusParseResult.Reason;
import io.jichao.protocol.modbus.ModbusResponse.ExceptionResponse;
import io.jichao.protocol.modbus.ModbusResponse.ReadRegistersResponse;
import io.jichao.protocol.modbus.ModbusResponse.WriteMultipleRegistersResponse;
import io.jichao.protocol.modbus.ModbusResponse.WriteSingleRegisterResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds Modbus RTU frames in a byte stream from their content: the function code fixes the length
 * or says where the byte count is. Silence is not used because a TCP link re-chunks the serial
 * stream. The same bytes mean different lengths in each direction (a 03 request has 8 bytes, a 03
 * answer 5 + byte count), so a parser reads either requests (slave, simulator) or responses
 * (master), never both.
 */
public final class ModbusRtuParser {

    public enum Direction { REQUESTS, RESPONSES }

    private static final NeedMoreBytes NEED_MORE = new NeedMoreBytes();
    private static final int MAX_UNIT_ID = 247;
    /** Frame length sentinels: the length is not known yet, the function is unknown, the counts disagree. */
    private static final int NEED = -1;
    private static final int UNSUPPORTED = -2;
    private static final int INVALID = -3;

    private final Direction direction;

    private ModbusRtuParser(Direction direction) {
        this.direction = direction;
    }

    /** For a slave or simulator: parses what a master sends. */
    public static ModbusRtuParser forRequests() {
        return new ModbusRtuParser(Direction.REQUESTS);
    }

    /** For a master: parses what slaves answer. */
    public static ModbusRtuParser forResponses() {
        return new ModbusRtuParser(Direction.RESPONSES);
    }

    public Direction direction() {
        return direction;
    }

    public ModbusParseResult parse(byte[] buffer) {
        return parse(buffer, 0, buffer.length);
    }

    public ModbusParseResult parse(byte[] buffer, int offset, int length) {
        if (length < 2) {
            return NEED_MORE;
        }
        int unitId = buffer[offset] & 0xFF;
        int lowestUnit = direction == Direction.REQUESTS ? 0 : 1;
        if (unitId < lowestUnit || unitId > MAX_UNIT_ID) {
            return new Corrupt(Reason.INVALID_UNIT_ID, 1);
        }
        int frameLength = direction == Direction.REQUESTS
                ? requestLength(buffer, offset, length)
                : responseLength(buffer, offset, length);
        if (frameLength == UNSUPPORTED) {
            return new Corrupt(Reason.UNSUPPORTED_FUNCTION, 1);
        }
        if (frameLength == INVALID) {
            return new Corrupt(Reason.INVALID_LENGTH, 1);
        }
        if (frameLength == NEED || length < frameLength) {
            return NEED_MORE;
        }
        if (!Crc16Modbus.matches(buffer, offset, frameLength - 2)) {
            return new Corrupt(Reason.CRC_MISMATCH, 1);
        }
        try {
            ModbusMessage message = direction == Direction.REQUESTS
                    ? request(buffer, offset)
                    : response(buffer, offset);
            return new Decoded(message, frameLength);
        } catch (IllegalArgumentException e) {
            // A frame with a valid CRC but impossible content (quantity 0, unit 0 answering).
            return new Corrupt(Reason.INVALID_LENGTH, 1);
        }
    }

    private static int requestLength(byte[] buffer, int offset, int length) {
        return switch (buffer[offset + 1] & 0xFF) {
            case ModbusMessage.READ_HOLDING_REGISTERS, ModbusMessage.READ_INPUT_REGISTERS,
                 ModbusMessage.WRITE_SINGLE_REGISTER -> 8;
            case ModbusMessage.WRITE_MULTIPLE_REGISTERS -> {
                if (length < 7) {
                    yield NEED;
                }
                int quantity = u16(buffer, offset + 4);
                int byteCount = buffer[offset + 6] & 0xFF;
                boolean consistent = quantity >= 1 && quantity <= ModbusRequest.MAX_WRITE_QUANTITY
                        && byteCount == 2 * quantity;
                yield consistent ? 9 + byteCount : INVALID;
            }
            default -> UNSUPPORTED;
        };
    }

    private static int responseLength(byte[] buffer, int offset, int length) {
        int function = buffer[offset + 1] & 0xFF;
        return switch (function) {
            case ModbusMessage.READ_HOLDING_REGISTERS, ModbusMessage.READ_INPUT_REGISTERS -> {
                if (length < 3) {
                    yield NEED;
                }
                int byteCount = buffer[offset + 2] & 0xFF;
                boolean consistent = byteCount >= 2 && byteCount <= 2 * ModbusRequest.MAX_READ_QUANTITY
                        && byteCount % 2 == 0;
                yield consistent ? 5 + byteCount : INVALID;
            }
            case ModbusMessage.WRITE_SINGLE_REGISTER, ModbusMessage.WRITE_MULTIPLE_REGISTERS -> 8;
            case ModbusMessage.READ_HOLDING_REGISTERS | ModbusMessage.EXCEPTION_FLAG,
                 ModbusMessage.READ_INPUT_REGISTERS | ModbusMessage.EXCEPTION_FLAG,
                 ModbusMessage.WRITE_SINGLE_REGISTER | ModbusMessage.EXCEPTION_FLAG,
                 ModbusMessage.WRITE_MULTIPLE_REGISTERS | ModbusMessage.EXCEPTION_FLAG -> 5;
            default -> UNSUPPORTED;
        };
    }

    private static ModbusRequest request(byte[] buffer, int offset) {
        int unitId = buffer[offset] & 0xFF;
        int first = u16(buffer, offset + 2);
        int second = u16(buffer, offset + 4);
        return switch (buffer[offset + 1] & 0xFF) {
            case ModbusMessage.READ_HOLDING_REGISTERS -> new ModbusRequest.ReadHoldingRegisters(unitId, first, second);
            case ModbusMessage.READ_INPUT_REGISTERS -> new ModbusRequest.ReadInputRegisters(unitId, first, second);
            case ModbusMessage.WRITE_SINGLE_REGISTER -> new ModbusRequest.WriteSingleRegister(unitId, first, second);
            default -> new ModbusRequest.WriteMultipleRegisters(unitId, first, registers(buffer, offset + 7, second));
        };
    }

    private static ModbusResponse response(byte[] buffer, int offset) {
        int unitId = buffer[offset] & 0xFF;
        int function = buffer[offset + 1] & 0xFF;
        if ((function & ModbusMessage.EXCEPTION_FLAG) != 0) {
            return new ExceptionResponse(unitId, function & 0x7F, buffer[offset + 2] & 0xFF);
        }
        return switch (function) {
            case ModbusMessage.READ_HOLDING_REGISTERS, ModbusMessage.READ_INPUT_REGISTERS ->
                    new ReadRegistersResponse(unitId, function,
                            registers(buffer, offset + 3, (buffer[offset + 2] & 0xFF) / 2));
            case ModbusMessage.WRITE_SINGLE_REGISTER ->
                    new WriteSingleRegisterResponse(unitId, u16(buffer, offset + 2), u16(buffer, offset + 4));
            default -> new WriteMultipleRegistersResponse(unitId, u16(buffer, offset + 2), u16(buffer, offset + 4));
        };
    }

    private static List<Integer> registers(byte[] buffer, int offset, int count) {
        List<Integer> registers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            registers.add(u16(buffer, offset + 2 * i));
        }
        return registers;
    }

    private static int u16(byte[] buffer, int offset) {
        return (buffer[offset] & 0xFF) << 8 | buffer[offset + 1] & 0xFF;
    }
}
