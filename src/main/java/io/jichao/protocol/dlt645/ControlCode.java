package io.jichao.protocol.dlt645;

/**
 * The control byte C: D7 direction (1 = from the meter), D6 abnormal answer, D5 more frames
 * follow, D4..D0 the function code. A normal answer is {@code request | 0x80}, an answer with more
 * to follow {@code request | 0xA0}, an abnormal answer {@code request | 0xC0}.
 */
public record ControlCode(int value) {

    public static final int FROM_METER = 0x80;
    public static final int ABNORMAL = 0x40;
    public static final int MORE_FOLLOWS = 0x20;
    public static final int FUNCTION_MASK = 0x1F;

    private static final ControlCode[] CACHE = new ControlCode[256];

    static {
        for (int i = 0; i < CACHE.length; i++) {
            CACHE[i] = new ControlCode(i);
        }
    }

    public ControlCode {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("control code must be one byte: " + value);
        }
    }

    /** The shared instance for a byte value, so decoding does not allocate. */
    public static ControlCode of(int value) {
        return CACHE[value & 0xFF];
    }

    public static ControlCode request(Dlt645Version version, Dlt645Function function) {
        return of(version.functionCode(function));
    }

    public boolean fromMeter() {
        return (value & FROM_METER) != 0;
    }

    public boolean abnormal() {
        return (value & ABNORMAL) != 0;
    }

    public boolean moreFollows() {
        return (value & MORE_FOLLOWS) != 0;
    }

    public int functionCode() {
        return value & FUNCTION_MASK;
    }

    public ControlCode normalAnswer() {
        return of(functionCode() | FROM_METER);
    }

    public ControlCode answerWithMoreToFollow() {
        return of(functionCode() | FROM_METER | MORE_FOLLOWS);
    }

    public ControlCode abnormalAnswer() {
        return of(functionCode() | FROM_METER | ABNORMAL);
    }

    @Override
    public String toString() {
        return String.format("%02X", value);
    }
}
