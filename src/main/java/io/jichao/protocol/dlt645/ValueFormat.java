package io.jichao.protocol.dlt645;

import io.jichao.protocol.dlt645.DataValue.AddressValue;
import io.jichao.protocol.dlt645.DataValue.DateWithWeekday;
import io.jichao.protocol.dlt645.DataValue.Quantity;
import io.jichao.protocol.dlt645.DataValue.QuantityBlock;
import io.jichao.protocol.dlt645.DataValue.TimeOfDay;
import io.jichao.protocol.dlt645.DataValue.Timestamp;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How the plain value bytes of a data item are laid out, and the codec for that layout. All
 * numbers are BCD, least significant byte first; a signed number keeps its sign in bit 7 of the
 * last byte (the most significant one).
 */
public sealed interface ValueFormat {

    int byteLength();

    DataValue decode(byte[] plain, int offset, int length);

    /** The plain bytes for {@code value}; rejects values of the wrong kind or out of range. */
    byte[] encode(DataValue value);

    default DataValue decode(byte[] plain) {
        return decode(plain, 0, plain.length);
    }

    static Decimal decimal(int length, int scale, MeasurementUnit unit) {
        return new Decimal(length, 1, scale, unit, false);
    }

    static Decimal signedDecimal(int length, int scale, MeasurementUnit unit) {
        return new Decimal(length, 1, scale, unit, true);
    }

    static Decimal block(Decimal element, int count) {
        return new Decimal(element.elementLength(), count, element.scale(), element.unit(), element.signed());
    }

    /**
     * BCD numbers with an implied decimal point: {@code XXXXXX.XX} is length 4, scale 2.
     * {@code count > 1} is a block of equal elements read with one identifier.
     */
    record Decimal(int elementLength, int count, int scale, MeasurementUnit unit, boolean signed)
            implements ValueFormat {

        public Decimal {
            if (elementLength < 1 || elementLength > 8 || count < 1 || scale < 0
                    || scale > 2 * elementLength || unit == null) {
                throw new IllegalArgumentException("invalid decimal format: length " + elementLength
                        + ", count " + count + ", scale " + scale);
            }
        }

        @Override
        public int byteLength() {
            return elementLength * count;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            if (count == 1) {
                return new Quantity(decodeElement(plain, offset), unit);
            }
            List<BigDecimal> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(decodeElement(plain, offset + i * elementLength));
            }
            return new QuantityBlock(values, unit);
        }

        private BigDecimal decodeElement(byte[] plain, int offset) {
            long magnitude = Bcd.decode(plain, offset, elementLength, signed ? 0x7F : 0xFF);
            boolean negative = signed && (plain[offset + elementLength - 1] & 0x80) != 0;
            return BigDecimal.valueOf(negative ? -magnitude : magnitude, scale);
        }

        @Override
        public byte[] encode(DataValue value) {
            byte[] plain = new byte[byteLength()];
            switch (value) {
                case Quantity quantity when count == 1 -> {
                    checkUnit(quantity.unit());
                    encodeElement(quantity.value(), plain, 0);
                }
                case QuantityBlock block when block.values().size() == count -> {
                    checkUnit(block.unit());
                    for (int i = 0; i < count; i++) {
                        encodeElement(block.values().get(i), plain, i * elementLength);
                    }
                }
                default -> throw wrongKind(this, value);
            }
            return plain;
        }

        /** Encodes one number, e.g. a recharge amount, without wrapping it in a value first. */
        public byte[] encode(BigDecimal number) {
            return encode(new Quantity(number, unit));
        }

        private void encodeElement(BigDecimal number, byte[] plain, int offset) {
            BigDecimal scaled;
            try {
                scaled = number.setScale(scale);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(number + " has more than " + scale
                        + " decimal places", e);
            }
            if (scaled.signum() < 0 && !signed) {
                throw new IllegalArgumentException(number + " is negative but the format is unsigned");
            }
            BigDecimal unscaled = new BigDecimal(scaled.unscaledValue().abs());
            long max = signed ? maxSignedMagnitude() : Bcd.maxValue(elementLength);
            if (unscaled.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new IllegalArgumentException(number + " overflows " + elementLength
                        + " BCD bytes; the largest magnitude is " + BigDecimal.valueOf(max, scale));
            }
            Bcd.encode(unscaled.longValue(), plain, offset, elementLength);
            if (scaled.signum() < 0) {
                plain[offset + elementLength - 1] |= (byte) 0x80;
            }
        }

        /** Bit 7 of the top byte carries the sign, so the top digit may only go up to 7. */
        private long maxSignedMagnitude() {
            return 8 * (Bcd.maxValue(elementLength) + 1) / 10 - 1;
        }

        private void checkUnit(MeasurementUnit given) {
            if (given != unit) {
                throw new IllegalArgumentException("expected a value in " + unit + " but got " + given);
            }
        }
    }

    /** {@code YYMMDDWW}, sent WW DD MM YY; WW 0 is Sunday. */
    record DateWithWeekdayFormat() implements ValueFormat {
        @Override
        public int byteLength() {
            return 4;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            int weekday = Bcd.decodeByte(plain[offset] & 0xFF);
            if (weekday > 6) {
                throw new Dlt645FormatException("weekday must be 0..6: " + weekday);
            }
            LocalDate date = date(plain, offset + 1);
            return new DateWithWeekday(date, weekday == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(weekday));
        }

        @Override
        public byte[] encode(DataValue value) {
            if (!(value instanceof DateWithWeekday(LocalDate date, DayOfWeek weekday))) {
                throw wrongKind(this, value);
            }
            byte[] plain = new byte[4];
            plain[0] = (byte) Bcd.encodeByte(weekday.getValue() % 7);
            writeDate(date, plain, 1);
            return plain;
        }
    }

    /** {@code hhmmss}, sent ss mm hh. */
    record TimeFormat() implements ValueFormat {
        @Override
        public int byteLength() {
            return 3;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            return new TimeOfDay(time(plain, offset));
        }

        @Override
        public byte[] encode(DataValue value) {
            if (!(value instanceof TimeOfDay(LocalTime time))) {
                throw wrongKind(this, value);
            }
            byte[] plain = new byte[3];
            writeTime(time, plain, 0);
            return plain;
        }
    }

    /** {@code YYMMDDhhmm}, sent mm hh DD MM YY: freeze and event times. */
    record DateTimeToMinuteFormat() implements ValueFormat {
        @Override
        public int byteLength() {
            return 5;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            int minute = Bcd.decodeByte(plain[offset] & 0xFF);
            int hour = Bcd.decodeByte(plain[offset + 1] & 0xFF);
            return new Timestamp(dateTime(date(plain, offset + 2), hour, minute, 0));
        }

        @Override
        public byte[] encode(DataValue value) {
            if (!(value instanceof Timestamp(LocalDateTime dateTime)) || dateTime.getSecond() != 0) {
                throw wrongKind(this, value);
            }
            byte[] plain = new byte[5];
            plain[0] = (byte) Bcd.encodeByte(dateTime.getMinute());
            plain[1] = (byte) Bcd.encodeByte(dateTime.getHour());
            writeDate(dateTime.toLocalDate(), plain, 2);
            return plain;
        }
    }

    /** {@code YYMMDDhhmmss}, sent ss mm hh DD MM YY: broadcast time and relay deadlines. */
    record DateTimeToSecondFormat() implements ValueFormat {
        @Override
        public int byteLength() {
            return 6;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            LocalTime time = time(plain, offset);
            return new Timestamp(dateTime(date(plain, offset + 3), time.getHour(), time.getMinute(),
                    time.getSecond()));
        }

        @Override
        public byte[] encode(DataValue value) {
            if (!(value instanceof Timestamp(LocalDateTime dateTime))) {
                throw wrongKind(this, value);
            }
            byte[] plain = new byte[6];
            writeTime(dateTime.toLocalTime(), plain, 0);
            writeDate(dateTime.toLocalDate(), plain, 3);
            return plain;
        }
    }

    /** Twelve BCD digits, sent like the frame address (least significant byte first). */
    record AddressFormat() implements ValueFormat {
        @Override
        public int byteLength() {
            return MeterAddress.WIRE_LENGTH;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            return new AddressValue(MeterAddress.fromWire(plain, offset));
        }

        @Override
        public byte[] encode(DataValue value) {
            if (!(value instanceof AddressValue(MeterAddress address))) {
                throw wrongKind(this, value);
            }
            return address.toWire();
        }
    }

    /** 16 status bits, binary (not BCD), low byte first. */
    record StatusWordFormat(int word) implements ValueFormat {
        @Override
        public int byteLength() {
            return 2;
        }

        @Override
        public DataValue decode(byte[] plain, int offset, int length) {
            checkLength(this, length);
            return new StatusWord(word, (plain[offset] & 0xFF) | (plain[offset + 1] & 0xFF) << 8);
        }

        @Override
        public byte[] encode(DataValue value) {
            if (!(value instanceof StatusWord status) || status.word() != word) {
                throw wrongKind(this, value);
            }
            return new byte[] {(byte) status.bits(), (byte) (status.bits() >>> 8)};
        }
    }

    private static void checkLength(ValueFormat format, int length) {
        if (length != format.byteLength()) {
            throw new Dlt645FormatException("expected " + format.byteLength() + " value bytes for "
                    + format + " but got " + length);
        }
    }

    private static IllegalArgumentException wrongKind(ValueFormat format, DataValue value) {
        return new IllegalArgumentException(value + " cannot be encoded as " + format);
    }

    private static LocalDate date(byte[] plain, int offset) {
        int day = Bcd.decodeByte(plain[offset] & 0xFF);
        int month = Bcd.decodeByte(plain[offset + 1] & 0xFF);
        int year = 2000 + Bcd.decodeByte(plain[offset + 2] & 0xFF);
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            throw new Dlt645FormatException("not a date: " + year + "-" + month + "-" + day);
        }
    }

    private static LocalTime time(byte[] plain, int offset) {
        int second = Bcd.decodeByte(plain[offset] & 0xFF);
        int minute = Bcd.decodeByte(plain[offset + 1] & 0xFF);
        int hour = Bcd.decodeByte(plain[offset + 2] & 0xFF);
        try {
            return LocalTime.of(hour, minute, second);
        } catch (DateTimeException e) {
            throw new Dlt645FormatException("not a time: " + hour + ":" + minute + ":" + second);
        }
    }

    private static LocalDateTime dateTime(LocalDate date, int hour, int minute, int second) {
        try {
            return date.atTime(hour, minute, second);
        } catch (DateTimeException e) {
            throw new Dlt645FormatException("not a time: " + hour + ":" + minute + ":" + second);
        }
    }

    /** Writes DD MM YY; only 2000-2099 fit two BCD digits. */
    private static void writeDate(LocalDate date, byte[] plain, int offset) {
        if (date.getYear() < 2000 || date.getYear() > 2099) {
            throw new IllegalArgumentException("DL/T 645 dates cover 2000-2099 only: " + date);
        }
        plain[offset] = (byte) Bcd.encodeByte(date.getDayOfMonth());
        plain[offset + 1] = (byte) Bcd.encodeByte(date.getMonthValue());
        plain[offset + 2] = (byte) Bcd.encodeByte(date.getYear() - 2000);
    }

    /** Writes ss mm hh. */
    private static void writeTime(LocalTime time, byte[] plain, int offset) {
        plain[offset] = (byte) Bcd.encodeByte(time.getSecond());
        plain[offset + 1] = (byte) Bcd.encodeByte(time.getMinute());
        plain[offset + 2] = (byte) Bcd.encodeByte(time.getHour());
    }
}
