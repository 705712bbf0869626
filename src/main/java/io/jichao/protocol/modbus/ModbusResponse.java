package io.jichao.protocol.modbus;

import java.util.List;
import java.util.Optional;

/**
 * The answers a slave sends. Example, two registers 0x435C 0x199A (float 220.1) from unit 1:
 * {@code 01 03 04 43 5C 19 9A A4 5E}; exception "illegal data address": {@code 01 83 02 C0 F1}.
 */
public sealed interface ModbusResponse extends ModbusMessage {

    /** True when this answers {@code request}: same unit, same function, consistent content. */
    boolean matches(ModbusRequest request);

    /** Answer to 03 or 04: {@code unit fn byteCount data.. crc}, registers big-endian. */
    record ReadRegistersResponse(int unitId, int functionCode, List<Integer> registers) implements ModbusResponse {
        public ReadRegistersResponse {
            ModbusMessage.checkUnitId(unitId);
            if (functionCode != READ_HOLDING_REGISTERS && functionCode != READ_INPUT_REGISTERS) {
                throw new IllegalArgumentException("register reads are functions 03 and 04: " + functionCode);
            }
            registers = List.copyOf(registers);
            if (registers.isEmpty() || registers.size() > ModbusRequest.MAX_READ_QUANTITY) {
                throw new IllegalArgumentException("an answer carries 1.." + ModbusRequest.MAX_READ_QUANTITY
                        + " registers, not " + registers.size());
            }
            registers.forEach(r -> ModbusMessage.checkRegister("register value", r));
        }

        public int register(int index) {
            return registers.get(index);
        }

        public int int32(int index, WordOrder order) {
            return order.int32(registers.get(index), registers.get(index + 1));
        }

        public long uint32(int index, WordOrder order) {
            return order.uint32(registers.get(index), registers.get(index + 1));
        }

        public float float32(int index, WordOrder order) {
            return order.float32(registers.get(index), registers.get(index + 1));
        }

        @Override
        public boolean matches(ModbusRequest request) {
            return switch (request) {
                case ModbusRequest.ReadHoldingRegisters read -> functionCode == READ_HOLDING_REGISTERS
                        && read.unitId() == unitId && read.quantity() == registers.size();
                case ModbusRequest.ReadInputRegisters read -> functionCode == READ_INPUT_REGISTERS
                        && read.unitId() == unitId && read.quantity() == registers.size();
                default -> false;
            };
        }

        @Override
        public byte[] encode() {
            byte[] frame = new byte[5 + 2 * registers.size()];
            frame[0] = (byte) unitId;
            frame[1] = (byte) functionCode;
            frame[2] = (byte) (2 * registers.size());
            for (int i = 0; i < registers.size(); i++) {
                frame[3 + 2 * i] = (byte) (registers.get(i) >>> 8);
                frame[4 + 2 * i] = (byte) (int) registers.get(i);
            }
            Crc16Modbus.append(frame, frame.length - 2);
            return frame;
        }
    }

    /** Answer to 06: the request echoed. */
    record WriteSingleRegisterResponse(int unitId, int address, int value) implements ModbusResponse {
        public WriteSingleRegisterResponse {
            ModbusMessage.checkUnitId(unitId);
            ModbusMessage.checkRegister("register address", address);
            ModbusMessage.checkRegister("register value", value);
        }

        @Override
        public int functionCode() {
            return WRITE_SINGLE_REGISTER;
        }

        @Override
        public boolean matches(ModbusRequest request) {
            return request instanceof ModbusRequest.WriteSingleRegister write
                    && write.unitId() == unitId && write.address() == address && write.value() == value;
        }

        @Override
        public byte[] encode() {
            return new ModbusRequest.WriteSingleRegister(unitId, address, value).encode();
        }
    }

    /** Answer to 16: {@code unit 10 startHi startLo qtyHi qtyLo crc}. */
    record WriteMultipleRegistersResponse(int unitId, int startAddress, int quantity) implements ModbusResponse {
        public WriteMultipleRegistersResponse {
            ModbusMessage.checkUnitId(unitId);
            ModbusMessage.checkRegister("start address", startAddress);
            if (quantity < 1 || quantity > ModbusRequest.MAX_WRITE_QUANTITY) {
                throw new IllegalArgumentException("wrote 1.." + ModbusRequest.MAX_WRITE_QUANTITY
                        + " registers, not " + quantity);
            }
        }

        @Override
        public int functionCode() {
            return WRITE_MULTIPLE_REGISTERS;
        }

        @Override
        public boolean matches(ModbusRequest request) {
            return request instanceof ModbusRequest.WriteMultipleRegisters write
                    && write.unitId() == unitId && write.startAddress() == startAddress
                    && write.values().size() == quantity;
        }

        @Override
        public byte[] encode() {
            byte[] frame = {(byte) unitId, (byte) WRITE_MULTIPLE_REGISTERS, (byte) (startAddress >>> 8),
                (byte) startAddress, (byte) (quantity >>> 8), (byte) quantity, 0, 0};
            Crc16Modbus.append(frame, 6);
            return frame;
        }
    }

    /**
     * {@code unit fn|0x80 code crc}: the slave refused. {@code requestFunction} is the function
     * without the flag; {@code code} is kept raw because devices use non-standard codes too.
     */
    record ExceptionResponse(int unitId, int requestFunction, int code) implements ModbusResponse {
        public ExceptionResponse {
            ModbusMessage.checkUnitId(unitId);
            if (requestFunction < 1 || requestFunction > 0x7F || code < 0 || code > 0xFF) {
                throw new IllegalArgumentException("invalid exception answer: function " + requestFunction
                        + ", code " + code);
            }
        }

        public ExceptionResponse(int unitId, int requestFunction, ModbusExceptionCode code) {
            this(unitId, requestFunction, code.code());
        }

        /** The standard meaning of {@link #code()}, if it has one. */
        public Optional<ModbusExceptionCode> exceptionCode() {
            return ModbusExceptionCode.of(code);
        }

        @Override
        public int functionCode() {
            return requestFunction | EXCEPTION_FLAG;
        }

        @Override
        public boolean matches(ModbusRequest request) {
            return request.unitId() == unitId && request.functionCode() == requestFunction;
        }

        @Override
        public byte[] encode() {
            byte[] frame = {(byte) unitId, (byte) functionCode(), (byte) code, 0, 0};
            Crc16Modbus.append(frame, 3);
            return frame;
        }
    }
}
