package io.jichao.protocol.modbus;

/** A request or an answer on a Modbus RTU link. */
public sealed interface ModbusMessage permits ModbusRequest, ModbusResponse {

    int READ_HOLDING_REGISTERS = 0x03;
    int READ_INPUT_REGISTERS = 0x04;
    int WRITE_SINGLE_REGISTER = 0x06;
    int WRITE_MULTIPLE_REGISTERS = 0x10;
    int EXCEPTION_FLAG = 0x80;

    /** The slave address, 1..247; 0 is a broadcast request. */
    int unitId();

    int functionCode();

    /** The RTU bytes including the CRC. */
    byte[] encode();

    static void checkUnitId(int unitId) {
        if (unitId < 0 || unitId > 247) {
            throw new IllegalArgumentException("unit id must be 0..247: " + unitId);
        }
    }

    static void checkRegister(String what, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + " must be 0..65535: " + value);
        }
    }
}
