package io.jichao.protocol.dlt645;

/**
 * What a request asks the meter to do. The numeric function code depends on the protocol
 * version; {@link Dlt645Version#functionCode(Dlt645Function)} maps one to the other.
 */
public enum Dlt645Function {
    READ(0x01, 0x11),
    READ_FOLLOW_UP(0x02, 0x12),
    REREAD(0x03, Dlt645Function.NONE),
    SECURITY_AUTHENTICATION(Dlt645Function.NONE, 0x03),
    WRITE(0x04, 0x14),
    BROADCAST_TIME(0x08, 0x08),
    WRITE_ADDRESS(0x0A, 0x15),
    READ_ADDRESS(Dlt645Function.NONE, 0x13),
    FREEZE(Dlt645Function.NONE, 0x16),
    CHANGE_BAUD(0x0C, 0x17),
    CHANGE_PASSWORD(0x0F, 0x18),
    MAX_DEMAND_RESET(0x10, 0x19),
    METER_CLEAR(Dlt645Function.NONE, 0x1A),
    EVENT_CLEAR(Dlt645Function.NONE, 0x1B),
    RELAY_CONTROL(Dlt645Function.NONE, 0x1C);

    static final int NONE = -1;

    private final int code1997;
    private final int code2007;

    Dlt645Function(int code1997, int code2007) {
        this.code1997 = code1997;
        this.code2007 = code2007;
    }

    int code(Dlt645Version version) {
        return version == Dlt645Version.V1997 ? code1997 : code2007;
    }
}
