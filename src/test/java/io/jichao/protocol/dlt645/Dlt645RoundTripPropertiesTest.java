package io.jichao.protocol.dlt645;

import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.DataValue.AddressValue;
import io.jichao.protocol.dlt645.DataValue.DateWithWeekday;
import io.jichao.protocol.dlt645.DataValue.Quantity;
import io.jichao.protocol.dlt645.DataValue.QuantityBlock;
import io.jichao.protocol.dlt645.DataValue.TimeOfDay;
import io.jichao.protocol.dlt645.DataValue.Timestamp;
import io.jichao.protocol.dlt645.Dlt645ParseResult.Decoded;
import io.jichao.protocol.dlt645.ValueFormat.Decimal;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random valid values survive encode then decode unchanged, for frames and every value kind. */
class Dlt645RoundTripPropertiesTest {

    @Property(tries = 500)
    void frames_round_trip_through_the_parser(@ForAll("frames") Dlt645Frame frame, @ForAll boolean preamble) {
        byte[] wire = frame.encode(preamble);
        Dlt645ParseResult result = Dlt645FrameParser.parse(wire);
        assertThat(result).isEqualTo(new Decoded(frame, wire.length));
    }

    @Property(tries = 500)
    void decimal_items_round_trip(@ForAll("decimalValues") ItemValue case_) {
        byte[] plain = case_.item().encode(case_.value());
        assertThat(plain).hasSize(case_.item().format().byteLength());
        assertThat(case_.item().decode(plain)).isEqualTo(case_.value());
    }

    @Property(tries = 200)
    void dates_round_trip(@ForAll("dates") LocalDate date) {
        DataValue value = DateWithWeekday.of(date);
        assertThat(DataItem2007.DATE.decode(DataItem2007.DATE.encode(value))).isEqualTo(value);
        assertThat(DataItem1997.DATE.decode(DataItem1997.DATE.encode(value))).isEqualTo(value);
    }

    @Property(tries = 200)
    void times_round_trip(@ForAll("times") LocalTime time) {
        DataValue value = new TimeOfDay(time);
        assertThat(DataItem2007.TIME.decode(DataItem2007.TIME.encode(value))).isEqualTo(value);
    }

    @Property(tries = 200)
    void freeze_times_and_deadlines_round_trip(@ForAll("dates") LocalDate date, @ForAll("times") LocalTime time) {
        DataValue toMinute = new Timestamp(date.atTime(time.getHour(), time.getMinute()));
        assertThat(StandardFormats.TO_MINUTE.decode(StandardFormats.TO_MINUTE.encode(toMinute))).isEqualTo(toMinute);
        DataValue toSecond = new Timestamp(LocalDateTime.of(date, time));
        assertThat(StandardFormats.TO_SECOND.decode(StandardFormats.TO_SECOND.encode(toSecond))).isEqualTo(toSecond);
    }

    @Property(tries = 200)
    void status_words_round_trip(@ForAll("statusBits") int bits) {
        StatusWord word = new StatusWord(3, bits);
        assertThat(DataItem2007.RUN_STATUS_WORD_3.decode(DataItem2007.RUN_STATUS_WORD_3.encode(word))).isEqualTo(word);
    }

    @Property(tries = 200)
    void addresses_round_trip(@ForAll("addresses") MeterAddress address) {
        assertThat(MeterAddress.fromWire(address.toWire(), 0)).isEqualTo(address);
        DataValue value = new AddressValue(address);
        assertThat(DataItem2007.COMMUNICATION_ADDRESS.decode(DataItem2007.COMMUNICATION_ADDRESS.encode(value)))
                .isEqualTo(value);
    }

    @Property(tries = 300)
    void read_answers_carry_identifier_and_value(@ForAll("meterAddresses") MeterAddress address,
            @ForAll("decimalValues") ItemValue case_) {
        Dlt645Frame request = Dlt645Commands.read(address, case_.item());
        byte[] value = case_.item().encode(case_.value());
        byte[] data = new byte[case_.item().identifier().wireLength() + value.length];
        case_.item().identifier().writeWire(data, 0);
        System.arraycopy(value, 0, data, data.length - value.length, value.length);
        Dlt645Frame answer = new Dlt645Frame(address, request.control().normalAnswer(), data);

        Decoded decoded = (Decoded) Dlt645FrameParser.parse(answer.encode(true));
        Dlt645Response.ReadAnswer read = (Dlt645Response.ReadAnswer) Dlt645Response.of(decoded.frame());
        assertThat(read.matches(request)).isTrue();
        assertThat(read.decode(case_.item())).isEqualTo(case_.value());
    }

    record ItemValue(DataItem item, DataValue value) {
    }

    @Provide
    Arbitrary<Dlt645Frame> frames() {
        return Combinators.combine(addresses(), Arbitraries.integers().between(0, 255),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(Dlt645Frame.MAX_DATA_LENGTH))
                .as((address, control, data) -> Dlt645Frame.of(address, control, data));
    }

    @Provide
    Arbitrary<MeterAddress> addresses() {
        return Arbitraries.strings().numeric().ofLength(12).map(MeterAddress::of);
    }

    /** Addresses a single meter answers to: broadcast requests get no answer. */
    @Provide
    Arbitrary<MeterAddress> meterAddresses() {
        return addresses().filter(address -> !address.isBroadcast());
    }

    @Provide
    Arbitrary<ItemValue> decimalValues() {
        List<DataItem> items = Stream.concat(Stream.of(DataItem2007.values()), Stream.of(DataItem1997.values()))
                .<DataItem>map(item -> item)
                .filter(item -> item.format() instanceof Decimal)
                .toList();
        return Arbitraries.of(items).flatMap(item -> decimalValue((Decimal) item.format())
                .map(value -> new ItemValue(item, value)));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.longs().between(LocalDate.of(2000, 1, 1).toEpochDay(), LocalDate.of(2099, 12, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 86_399).map(LocalTime::ofSecondOfDay);
    }

    @Provide
    Arbitrary<Integer> statusBits() {
        return Arbitraries.integers().between(0, 0xFFFF);
    }

    private static Arbitrary<DataValue> decimalValue(Decimal format) {
        Arbitrary<BigDecimal> element = element(format);
        if (format.count() == 1) {
            return element.map(value -> new Quantity(value, format.unit()));
        }
        return element.list().ofSize(format.count())
                .map(values -> new QuantityBlock(new ArrayList<>(values), format.unit()));
    }

    private static Arbitrary<BigDecimal> element(Decimal format) {
        long digits = 2L * format.elementLength();
        long max = (long) Math.pow(10, digits) - 1;
        if (format.signed()) {
            long signedMax = 8 * (max + 1) / 10 - 1;
            return Arbitraries.longs().between(-signedMax, signedMax).map(v -> BigDecimal.valueOf(v, format.scale()));
        }
        return Arbitraries.longs().between(0, max).map(v -> BigDecimal.valueOf(v, format.scale()));
    }
}
