package io.jichao.protocol.dlt645;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One DL/T 645 frame as the application sees it: address, control code and the data bytes in
 * plain form (the 0x33 offset already removed).
 *
 * <p>On the wire: {@code [FE FE FE FE] 68 A0..A5 68 C L D0..D(L-1) CS 16}, every data byte sent
 * as {@code (d + 0x33) mod 256}, CS the sum mod 256 from the first {@code 68} through the last
 * data byte. Example, a 2007 read of forward active energy from meter 123456789012:
 * {@code 68 12 90 78 56 34 12 68 11 04 33 33 34 33 68 16}.
 */
public record Dlt645Frame(MeterAddress address, ControlCode control, byte[] data) {

    public static final int START = 0x68;
    public static final int END = 0x16;
    public static final int PREAMBLE = 0xFE;
    public static final int PREAMBLE_LENGTH = 4;
    /** Both start bytes, address, C and L. */
    public static final int HEADER_LENGTH = 10;
    /** Header plus checksum and end byte. */
    public static final int OVERHEAD = 12;
    /** The standard limits L to 200; longer lengths are treated as corruption. */
    public static final int MAX_DATA_LENGTH = 200;
    public static final int DATA_OFFSET = 0x33;

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

    public Dlt645Frame {
        if (address == null || control == null || data == null) {
            throw new IllegalArgumentException("address, control and data are required");
        }
        if (data.length > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("data may hold at most " + MAX_DATA_LENGTH
                    + " bytes but holds " + data.length);
        }
        data = data.clone();
    }

    public static Dlt645Frame of(MeterAddress address, int control, byte... data) {
        return new Dlt645Frame(address, ControlCode.of(control), data);
    }

    /** A copy of the plain data bytes. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    public int dataLength() {
        return data.length;
    }

    /** One plain data byte as 0..255. */
    public int dataByte(int index) {
        return data[index] & 0xFF;
    }

    /** Copies {@code length} plain data bytes from {@code from} into a new array. */
    public byte[] dataRange(int from, int length) {
        return Arrays.copyOfRange(data, from, from + length);
    }

    public int encodedLength(boolean wakeUpPreamble) {
        return (wakeUpPreamble ? PREAMBLE_LENGTH : 0) + OVERHEAD + data.length;
    }

    /** The wire bytes, optionally led by four {@code FE} wake-up bytes (not in the checksum). */
    public byte[] encode(boolean wakeUpPreamble) {
        byte[] wire = new byte[encodedLength(wakeUpPreamble)];
        int p = 0;
        if (wakeUpPreamble) {
            for (; p < PREAMBLE_LENGTH; p++) {
                wire[p] = (byte) PREAMBLE;
            }
        }
        int start = p;
        wire[p++] = START;
        address.writeWire(wire, p);
        p += MeterAddress.WIRE_LENGTH;
        wire[p++] = START;
        wire[p++] = (byte) control.value();
        wire[p++] = (byte) data.length;
        for (byte b : data) {
            wire[p++] = (byte) (b + DATA_OFFSET);
        }
        wire[p] = (byte) checksum(wire, start, p);
        wire[p + 1] = END;
        return wire;
    }

    /** Sum mod 256 of {@code bytes[from..to)}. */
    static int checksum(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += bytes[i];
        }
        return sum & 0xFF;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Dlt645Frame frame
                && address.equals(frame.address)
                && control.equals(frame.control)
                && Arrays.equals(data, frame.data);
    }

    @Override
    public int hashCode() {
        return (address.hashCode() * 31 + control.hashCode()) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Dlt645Frame[address=" + address + ", control=" + control + ", data=["
                + HEX.formatHex(data) + "]]";
    }
}
