package io.jichao.protocol.dlt645;

import io.jichao.protocol.dlt645.DataValue.Timestamp;
import java.time.LocalDateTime;

/**
 * Builds request frames. The version follows from the identifier (2- or 4-byte DI) where there is
 * one; every builder returns a plain {@link Dlt645Frame} ready for {@link Dlt645Frame#encode}.
 */
public final class Dlt645Commands {

    private static final int FREEZE_ANY = 99;

    private Dlt645Commands() {
    }

    /** 2007: C = 11, data DI; 1997: C = 01, data DI. */
    public static Dlt645Frame read(MeterAddress address, DataIdentifier identifier) {
        return new Dlt645Frame(address, control(identifier.version(), Dlt645Function.READ),
                identifierBytes(identifier, 0));
    }

    public static Dlt645Frame read(MeterAddress address, DataItem item) {
        return read(address, item.identifier());
    }

    /** Reads the n-th last record of a freeze or event item (n = 1 is the latest). */
    public static Dlt645Frame readHistory(MeterAddress address, DataItem item, int occurrence) {
        return read(address, item.identifier(occurrence));
    }

    /**
     * Asks for the next part of a multi-frame answer. 2007: C = 12, DI + SEQ (the sequence number
     * of the frame wanted); 1997: C = 02, DI only, so {@code sequence} is not sent.
     */
    public static Dlt645Frame readFollowUp(MeterAddress address, DataIdentifier identifier, int sequence) {
        Dlt645Version version = identifier.version();
        ControlCode control = control(version, Dlt645Function.READ_FOLLOW_UP);
        if (version == Dlt645Version.V1997) {
            return new Dlt645Frame(address, control, identifierBytes(identifier, 0));
        }
        if (sequence < 0 || sequence > 0xFF) {
            throw new IllegalArgumentException("sequence must be one byte: " + sequence);
        }
        byte[] data = identifierBytes(identifier, 1);
        data[data.length - 1] = (byte) sequence;
        return new Dlt645Frame(address, control, data);
    }

    /**
     * 2007: C = 14, DI + PA P0 P1 P2 + C0..C3 + value. 1997: C = 04, DI + PA P0 P1 P2 + value (no
     * operator code in 1997).
     */
    public static Dlt645Frame write(MeterAddress address, DataIdentifier identifier,
            Authorization authorization, byte[] plainValue) {
        Dlt645Version version = identifier.version();
        int authLength = version == Dlt645Version.V2007 ? Authorization.WIRE_LENGTH : 4;
        byte[] data = identifierBytes(identifier, authLength + plainValue.length);
        int p = identifier.wireLength();
        authorization.writePassword(data, p);
        if (version == Dlt645Version.V2007) {
            authorization.writeOperator(data, p + 4);
        }
        System.arraycopy(plainValue, 0, data, p + authLength, plainValue.length);
        return new Dlt645Frame(address, control(version, Dlt645Function.WRITE), data);
    }

    public static Dlt645Frame write(MeterAddress address, DataItem item, Authorization authorization,
            DataValue value) {
        return write(address, item.identifier(), authorization, item.encode(value));
    }

    /** C = 08 to {@code 99..99}, data ss mm hh DD MM YY; meters do not answer. */
    public static Dlt645Frame broadcastTime(LocalDateTime meterLocalTime) {
        return new Dlt645Frame(MeterAddress.broadcast(),
                control(Dlt645Version.V2007, Dlt645Function.BROADCAST_TIME),
                StandardFormats.TO_SECOND.encode(new Timestamp(meterLocalTime.withNano(0))));
    }

    /** 2007 only: C = 13 to {@code AA..AA}; the single meter on the bus answers with its address. */
    public static Dlt645Frame readAddress() {
        return new Dlt645Frame(MeterAddress.wildcard(),
                control(Dlt645Version.V2007, Dlt645Function.READ_ADDRESS), new byte[0]);
    }

    /**
     * 2007: C = 1C, data PA P0 P1 P2, C0..C3, N1 (the action), N2 = 00, N3..N8 the time until
     * which the command is valid as ss mm hh DD MM YY. Confirm the result by reading status word 3.
     */
    public static Dlt645Frame relayControl(MeterAddress address, Authorization authorization,
            RelayAction action, LocalDateTime validUntil) {
        byte[] data = new byte[16];
        authorization.writePassword(data, 0);
        authorization.writeOperator(data, 4);
        data[8] = (byte) action.code();
        data[9] = 0;
        byte[] deadline = StandardFormats.TO_SECOND.encode(new Timestamp(validUntil.withNano(0)));
        System.arraycopy(deadline, 0, data, 10, deadline.length);
        return new Dlt645Frame(address, control(Dlt645Version.V2007, Dlt645Function.RELAY_CONTROL), data);
    }

    /** 2007: C = 16 with {@code 99999999}: freeze now. Works to one meter or to broadcast. */
    public static Dlt645Frame freezeNow(MeterAddress address) {
        return freeze(address, FREEZE_ANY, FREEZE_ANY, FREEZE_ANY, FREEZE_ANY);
    }

    /** 2007: C = 16, sets the daily freeze time (month and day are the wildcard 99). */
    public static Dlt645Frame freezeDailyAt(MeterAddress address, int hour, int minute) {
        checkRange("hour", hour, 23);
        checkRange("minute", minute, 59);
        return freeze(address, FREEZE_ANY, FREEZE_ANY, hour, minute);
    }

    /** 2007: C = 16, sets the monthly freeze day and time (month is the wildcard 99). */
    public static Dlt645Frame freezeMonthlyAt(MeterAddress address, int day, int hour, int minute) {
        if (day < 1 || day > 28) {
            throw new IllegalArgumentException("monthly freeze day must be 1..28: " + day);
        }
        checkRange("hour", hour, 23);
        checkRange("minute", minute, 59);
        return freeze(address, FREEZE_ANY, day, hour, minute);
    }

    /**
     * Changes the meter's baud rate. The selector has one bit per rate: bit1 600, bit2 1200, bit3
     * 2400, bit4 4800, bit5 9600, bit6 19200 (general knowledge of the standard, unconfirmed).
     */
    public static Dlt645Frame changeBaud(Dlt645Version version, MeterAddress address, int baud) {
        int selector = switch (baud) {
            case 600 -> 0x02;
            case 1200 -> 0x04;
            case 2400 -> 0x08;
            case 4800 -> 0x10;
            case 9600 -> 0x20;
            case 19200 -> 0x40;
            default -> throw new IllegalArgumentException("no DL/T 645 baud rate: " + baud);
        };
        return new Dlt645Frame(address, control(version, Dlt645Function.CHANGE_BAUD), new byte[] {(byte) selector});
    }

    /** Data MMDDhhmm, sent mm hh DD MM. */
    private static Dlt645Frame freeze(MeterAddress address, int month, int day, int hour, int minute) {
        byte[] data = {(byte) Bcd.encodeByte(minute), (byte) Bcd.encodeByte(hour),
            (byte) Bcd.encodeByte(day), (byte) Bcd.encodeByte(month)};
        return new Dlt645Frame(address, control(Dlt645Version.V2007, Dlt645Function.FREEZE), data);
    }

    private static ControlCode control(Dlt645Version version, Dlt645Function function) {
        return ControlCode.request(version, function);
    }

    private static byte[] identifierBytes(DataIdentifier identifier, int extra) {
        byte[] data = new byte[identifier.wireLength() + extra];
        identifier.writeWire(data, 0);
        return data;
    }

    private static void checkRange(String what, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " must be 0.." + max + ": " + value);
        }
    }
}
