package io.jichao.protocol.modbus;

import java.util.Optional;

/** The standard exception codes a slave answers with ({@code fn | 0x80, code}). */
public enum ModbusExceptionCode {
    ILLEGAL_FUNCTION(0x01),
    ILLEGAL_DATA_ADDRESS(0x02),
    ILLEGAL_DATA_VALUE(0x03),
    SERVER_DEVICE_FAILURE(0x04),
    ACKNOWLEDGE(0x05),
    SERVER_DEVICE_BUSY(0x06),
    MEMORY_PARITY_ERROR(0x08),
    GATEWAY_PATH_UNAVAILABLE(0x0A),
    GATEWAY_TARGET_FAILED_TO_RESPOND(0x0B);

    private final int code;

    ModbusExceptionCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<ModbusExceptionCode> of(int code) {
        for (ModbusExceptionCode candidate : values()) {
            if (candidate.code == code) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
