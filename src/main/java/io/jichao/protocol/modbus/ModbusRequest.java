package io.jichao.protocol.modbus;

import java.util.List;

/**
 * The requests the master sends. Example, read 10 holding registers from 0 on unit 1:
 * {@code 01 03 00 00 00 0A C5 CD}.
 */
public sealed interface ModbusRequest extends ModbusMessage {

    int MAX_READ_QUANTITY = 125;
    int MAX_WRITE_QUANTITY = 123;

    /** Function 03. */
    record ReadHoldingRegisters(int unitId, int startAddress, int quantity) implements ModbusRequest {
        public ReadHoldingRegisters {
            checkRead(unitId, startAddress, quantity);
        }

        @Override
        public int functionCode() {
            return READ_HOLDING_REGISTERS;
        }

        @Override
        public byte[] encode() {
            return fixedLength(unitId, functionCode(), startAddress, quantity);
        }
    }

    /** Function 04. */
    record ReadInputRegisters(int unitId, int startAddress, int quantity) implements ModbusRequest {
        public ReadInputRegisters {
            checkRead(unitId, startAddress, quantity);
        }

        @Override
        public int functionCode() {
            return READ_INPUT_REGISTERS;
        }

        @Override
        public byte[] encode() {
            return fixedLength(unitId, functionCode(), startAddress, quantity);
        }
    }

    /** Function 06; the answer echoes the request. */
    record WriteSingleRegister(int unitId, int address, int value) implements ModbusRequest {
        public WriteSingleRegister {
            ModbusMessage.checkUnitId(unitId);
            ModbusMessage.checkRegister("register address", address);
            ModbusMessage.checkRegister("register value", value);
        }

        @Override
        public int functionCode() {
            return WRITE_SINGLE_REGISTER;
        }

        @Override
        public byte[] encode() {
            return fixedLength(unitId, functionCode(), address, value);
        }
    }

    /** Function 16: {@code unit 10 startHi startLo qtyHi qtyLo byteCount values.. crc}. */
    record WriteMultipleRegisters(int unitId, int startAddress, List<Integer> values) implements ModbusRequest {
        public WriteMultipleRegisters {
            ModbusMessage.checkUnitId(unitId);
            ModbusMessage.checkRegister("start address", startAddress);
            values = List.copyOf(values);
            if (values.isEmpty() || values.size() > MAX_WRITE_QUANTITY) {
                throw new IllegalArgumentException("write 1.." + MAX_WRITE_QUANTITY + " registers, not "
                        + values.size());
            }
            checkSpan(startAddress, values.size());
            values.forEach(v -> ModbusMessage.checkRegister("register value", v));
        }

        @Override
        public int functionCode() {
            return WRITE_MULTIPLE_REGISTERS;
        }

        @Override
        public byte[] encode() {
            int byteCount = 2 * values.size();
            byte[] frame = new byte[9 + byteCount];
            frame[0] = (byte) unitId;
            frame[1] = (byte) functionCode();
            putShort(frame, 2, startAddress);
            putShort(frame, 4, values.size());
            frame[6] = (byte) byteCount;
            for (int i = 0; i < values.size(); i++) {
                putShort(frame, 7 + 2 * i, values.get(i));
            }
            Crc16Modbus.append(frame, frame.length - 2);
            return frame;
        }
    }

    private static void checkRead(int unitId, int startAddress, int quantity) {
        ModbusMessage.checkUnitId(unitId);
        ModbusMessage.checkRegister("start address", startAddress);
        if (quantity < 1 || quantity > MAX_READ_QUANTITY) {
            throw new IllegalArgumentException("read 1.." + MAX_READ_QUANTITY + " registers, not " + quantity);
        }
        checkSpan(startAddress, quantity);
    }

    private static void checkSpan(int startAddress, int quantity) {
        if (startAddress + quantity > 0x10000) {
            throw new IllegalArgumentException("registers " + startAddress + "+" + quantity
                    + " run past address 65535");
        }
    }

    /** Unit, function, two 16-bit fields, CRC: the 8-byte shape of 03, 04 and 06. */
    private static byte[] fixedLength(int unitId, int functionCode, int first, int second) {
        byte[] frame = new byte[8];
        frame[0] = (byte) unitId;
        frame[1] = (byte) functionCode;
        putShort(frame, 2, first);
        putShort(frame, 4, second);
        Crc16Modbus.append(frame, 6);
        return frame;
    }

    private static void putShort(byte[] frame, int offset, int value) {
        frame[offset] = (byte) (value >>> 8);
        frame[offset + 1] = (byte) value;
    }
}
