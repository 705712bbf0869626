package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.HexBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;

import io.jichao.protocol.dlt645.DataValue.AddressValue;
import io.jichao.protocol.dlt645.DataValue.DateWithWeekday;
import io.jichao.protocol.dlt645.DataValue.Quantity;
import io.jichao.protocol.dlt645.DataValue.QuantityBlock;
import io.jichao.protocol.dlt645.Dlt645ParseResult.Decoded;
import io.jichao.protocol.dlt645.Dlt645Response.Acknowledgement;
import io.jichao.protocol.dlt645.Dlt645Response.AddressAnswer;
import io.jichao.protocol.dlt645.Dlt645Response.ErrorAnswer;
import io.jichao.protocol.dlt645.Dlt645Response.ReadAnswer;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vectors V1..V14 of the protocol reference (dlt645.md section 6), both directions. */
class Dlt645GoldenVectorsTest {

    private static final MeterAddress METER = MeterAddress.of("123456789012");

    @Test
    void v1_reads_forward_active_total_from_meter_000000000001() {
        MeterAddress address = MeterAddress.of("000000000001");
        assertRequest(Dlt645Commands.read(address, DataItem2007.FORWARD_ACTIVE_TOTAL),
                "68 01 00 00 00 00 00 68 11 04 33 33 34 33 B3 16");
        ReadAnswer answer = assertReadAnswer("68 01 00 00 00 00 00 68 91 08 33 33 34 33 89 67 45 33 9F 16",
                DataItem2007.FORWARD_ACTIVE_TOTAL);
        assertThat(answer.decode(DataItem2007.FORWARD_ACTIVE_TOTAL))
                .isEqualTo(new Quantity(new BigDecimal("1234.56"), MeasurementUnit.KILOWATT_HOUR));
    }

    @Test
    void v2_reads_forward_active_total_from_meter_123456789012() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL),
                "68 12 90 78 56 34 12 68 11 04 33 33 34 33 68 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 08 33 33 34 33 34 BC 9A 38 AE 16",
                DataItem2007.FORWARD_ACTIVE_TOTAL);
        assertThat(quantity(answer, DataItem2007.FORWARD_ACTIVE_TOTAL)).isEqualTo(new BigDecimal("56789.01"));
    }

    @Test
    void v3_reads_voltage_of_phase_a() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.VOLTAGE_A),
                "68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 06 33 34 34 35 34 55 76 16",
                DataItem2007.VOLTAGE_A);
        assertThat(answer.decode(DataItem2007.VOLTAGE_A))
                .isEqualTo(new Quantity(new BigDecimal("220.1"), MeasurementUnit.VOLT));
    }

    @Test
    void v4_decodes_negative_current_from_sign_bit() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.CURRENT_A),
                "68 12 90 78 56 34 12 68 11 04 33 34 35 35 6C 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 07 33 34 35 35 67 45 B3 4E 16",
                DataItem2007.CURRENT_A);
        assertThat(quantity(answer, DataItem2007.CURRENT_A)).isEqualTo(new BigDecimal("-1.234"));
        assertThat(DataItem2007.CURRENT_A.encode(new BigDecimal("-1.234"))).containsExactly(0x34, 0x12, 0x80);
    }

    @Test
    void v5_reads_1997_forward_active_total() {
        MeterAddress address = MeterAddress.of("112233445566");
        assertRequest(Dlt645Commands.read(address, DataItem1997.FORWARD_ACTIVE_TOTAL),
                "68 66 55 44 33 22 11 68 01 02 43 C3 3E 16");
        ReadAnswer answer = assertReadAnswer("68 66 55 44 33 22 11 68 81 06 43 C3 89 67 45 33 2A 16",
                DataItem1997.FORWARD_ACTIVE_TOTAL);
        assertThat(quantity(answer, DataItem1997.FORWARD_ACTIVE_TOTAL)).isEqualTo(new BigDecimal("1234.56"));
    }

    @Test
    void v6_decodes_abnormal_answer_with_no_requested_data() {
        Dlt645Frame frame = decodeOnly("68 12 90 78 56 34 12 68 D1 01 35 8D 16");
        assertThat(frame.encode(false)).isEqualTo(hex("68 12 90 78 56 34 12 68 D1 01 35 8D 16"));
        ErrorAnswer error = (ErrorAnswer) Dlt645Response.of(frame);
        assertThat(error.error().code()).isEqualTo(0x02);
        assertThat(error.error().noRequestedData()).isTrue();
        assertThat(error.error().flags()).containsExactly(Dlt645Error.Flag.NO_REQUESTED_DATA);
        assertThat(error.matches(Dlt645Commands.read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL))).isTrue();
    }

    @Test
    void v7_broadcasts_time_in_seconds_first_order() {
        assertRequest(Dlt645Commands.broadcastTime(LocalDateTime.of(2024, 5, 17, 13, 45, 30)),
                "68 99 99 99 99 99 99 68 08 06 63 78 46 4A 38 57 6E 16");
    }

    @Test
    void v8_reads_address_with_wildcard() {
        Dlt645Frame request = Dlt645Commands.readAddress();
        assertThat(request.encode(true)).isEqualTo(hex("FE FE FE FE 68 AA AA AA AA AA AA 68 13 00 DF 16"));
        assertThat(decodeOnly("FE FE FE FE 68 AA AA AA AA AA AA 68 13 00 DF 16")).isEqualTo(request);

        Dlt645Frame answerFrame = decodeOnly("68 12 90 78 56 34 12 68 93 06 45 C3 AB 89 67 45 07 16");
        Dlt645Response answer = Dlt645Response.of(answerFrame);
        assertThat(answer).isEqualTo(new AddressAnswer(METER, ControlCode.of(0x93)));
        assertThat(answer.matches(request)).isTrue();
        assertThat(Dlt645Frame.of(METER, 0x93, METER.toWire()).encode(false))
                .isEqualTo(hex("68 12 90 78 56 34 12 68 93 06 45 C3 AB 89 67 45 07 16"));
    }

    @Test
    void v9_leaves_preamble_out_of_the_checksum() {
        Dlt645Frame request = Dlt645Commands.read(METER, DataItem2007.VOLTAGE_A);
        assertThat(request.encode(true)).isEqualTo(hex("FE FE FE FE 68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 16"));
        assertThat(decodeOnly("FE FE FE FE 68 12 90 78 56 34 12 68 11 04 33 34 34 35 6B 16")).isEqualTo(request);
    }

    @Test
    void v10_reads_voltage_block() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.VOLTAGE_BLOCK),
                "68 12 90 78 56 34 12 68 11 04 33 32 34 35 69 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 0A 33 32 34 35 34 55 43 55 CB 54 2F 16",
                DataItem2007.VOLTAGE_BLOCK);
        assertThat(answer.decode(DataItem2007.VOLTAGE_BLOCK)).isEqualTo(new QuantityBlock(
                List.of(new BigDecimal("220.1"), new BigDecimal("221.0"), new BigDecimal("219.8")),
                MeasurementUnit.VOLT));
    }

    @Test
    void v11_trips_the_relay_and_reads_both_answers() {
        Dlt645Frame request = Dlt645Commands.relayControl(METER, Authorization.FACTORY_DEFAULT, RelayAction.TRIP,
                LocalDateTime.of(2024, 5, 17, 14, 0, 0));
        assertRequest(request,
                "68 12 90 78 56 34 12 68 1C 10 35 33 33 33 33 33 33 33 4D 33 33 33 47 4A 38 57 52 16");

        Dlt645Response success = Dlt645Response.of(decodeOnly("68 12 90 78 56 34 12 68 9C 00 22 16"));
        assertThat(success).isEqualTo(new Acknowledgement(METER, ControlCode.of(0x9C)));
        assertThat(success.matches(request)).isTrue();
        assertThat(Dlt645Frame.of(METER, 0x9C).encode(false)).isEqualTo(hex("68 12 90 78 56 34 12 68 9C 00 22 16"));

        Dlt645Response refused = Dlt645Response.of(decodeOnly("68 12 90 78 56 34 12 68 DC 01 37 9A 16"));
        assertThat(refused).isInstanceOfSatisfying(ErrorAnswer.class,
                error -> assertThat(error.error().unauthorised()).isTrue());
        assertThat(refused.matches(request)).isTrue();
        assertThat(Dlt645Frame.of(METER, 0xDC, (byte) 0x04).encode(false))
                .isEqualTo(hex("68 12 90 78 56 34 12 68 DC 01 37 9A 16"));
    }

    @Test
    void v12_reads_remaining_money() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.REMAINING_MONEY),
                "68 12 90 78 56 34 12 68 11 04 33 35 C3 33 F9 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 08 33 35 C3 33 78 56 34 33 B2 16",
                DataItem2007.REMAINING_MONEY);
        assertThat(answer.decode(DataItem2007.REMAINING_MONEY))
                .isEqualTo(new Quantity(new BigDecimal("123.45"), MeasurementUnit.YUAN));
    }

    @Test
    void v13_reads_relay_open_from_status_word_3() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.RUN_STATUS_WORD_3),
                "68 12 90 78 56 34 12 68 11 04 36 38 33 37 73 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 06 36 38 33 37 43 33 6B 16",
                DataItem2007.RUN_STATUS_WORD_3);
        StatusWord status = (StatusWord) answer.decode(DataItem2007.RUN_STATUS_WORD_3);
        assertThat(status.bits()).isEqualTo(0x0010);
        assertThat(status.relayOpen()).isTrue();
        assertThat(status.setBits()).containsExactly(StatusBit.RELAY_OPEN);
    }

    @Test
    void v14_reads_date_with_weekday() {
        assertRequest(Dlt645Commands.read(METER, DataItem2007.DATE),
                "68 12 90 78 56 34 12 68 11 04 34 34 33 37 6D 16");
        ReadAnswer answer = assertReadAnswer("68 12 90 78 56 34 12 68 91 08 34 34 33 37 38 4A 38 57 02 16",
                DataItem2007.DATE);
        assertThat(answer.decode(DataItem2007.DATE))
                .isEqualTo(new DateWithWeekday(LocalDate.of(2024, 5, 17), DayOfWeek.FRIDAY));
    }

    @Test
    void read_address_answer_also_decodes_as_communication_address_item() {
        assertThat(DataItem2007.COMMUNICATION_ADDRESS.decode(METER.toWire())).isEqualTo(new AddressValue(METER));
    }

    private static void assertRequest(Dlt645Frame request, String wire) {
        assertThat(hex(request.encode(false))).isEqualTo(wire);
        assertThat(decodeOnly(wire)).isEqualTo(request);
        assertThat(decodeOnly("FE FE FE FE " + wire)).isEqualTo(request);
    }

    /** Decodes an answer, checks it matches the request for its item and re-encodes to the same bytes. */
    private static ReadAnswer assertReadAnswer(String wire, DataItem item) {
        Dlt645Frame frame = decodeOnly(wire);
        assertThat(hex(frame.encode(false))).isEqualTo(wire);
        ReadAnswer answer = (ReadAnswer) Dlt645Response.of(frame);
        assertThat(answer.identifier()).isEqualTo(item.identifier());
        assertThat(answer.matches(Dlt645Commands.read(frame.address(), item))).isTrue();
        DataValue value = answer.decode(item);
        assertThat(item.encode(value)).isEqualTo(answer.value());
        return answer;
    }

    private static BigDecimal quantity(ReadAnswer answer, DataItem item) {
        return ((Quantity) answer.decode(item)).value();
    }

    private static Dlt645Frame decodeOnly(String wire) {
        byte[] bytes = hex(wire);
        Dlt645ParseResult result = Dlt645FrameParser.parse(bytes);
        assertThat(result).isInstanceOf(Decoded.class);
        Decoded decoded = (Decoded) result;
        assertThat(decoded.consumed()).isEqualTo(bytes.length);
        return decoded.frame();
    }
}
