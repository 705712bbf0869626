package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.HexBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jichao.protocol.dlt645.Dlt645Response.Acknowledgement;
import io.jichao.protocol.dlt645.Dlt645Response.ReadAnswer;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class Dlt645CommandsTest {

    private static final MeterAddress METER = MeterAddress.of("123456789012");
    private static final Authorization AUTH = new Authorization(0x02, "123456", "00000001");

    @Test
    void writes_2007_value_after_password_and_operator() {
        Dlt645Frame write = Dlt645Commands.write(METER, DataItem2007.ACTIVE_POWER_UPPER_LIMIT.identifier(), AUTH,
                DataItem2007.ACTIVE_POWER_UPPER_LIMIT.encode(new BigDecimal("5.5000")));
        assertThat(write.control().value()).isEqualTo(0x14);
        assertThat(write.data()).isEqualTo(hex("01 0E 00 04 02 56 34 12 01 00 00 00 00 50 05"));
    }

    @Test
    void writes_1997_value_after_password_without_operator() {
        Dlt645Frame write = Dlt645Commands.write(METER, DataIdentifier.of1997(0xC011), AUTH, hex("30 45 13"));
        assertThat(write.control().value()).isEqualTo(0x04);
        assertThat(write.data()).isEqualTo(hex("11 C0 02 56 34 12 30 45 13"));
    }

    @Test
    void write_acknowledgement_matches_its_request() {
        Dlt645Frame write = Dlt645Commands.write(METER, DataItem2007.REMAINING_ENERGY, AUTH,
                new DataValue.Quantity(new BigDecimal("10.00"), MeasurementUnit.KILOWATT_HOUR));
        Dlt645Response ack = Dlt645Response.of(Dlt645Frame.of(METER, 0x94));
        assertThat(ack).isInstanceOf(Acknowledgement.class);
        assertThat(ack.matches(write)).isTrue();
        assertThat(ack.matches(Dlt645Commands.read(METER, DataItem2007.REMAINING_ENERGY))).isFalse();
    }

    @Test
    void asks_for_a_2007_follow_up_with_its_sequence_number() {
        Dlt645Frame followUp = Dlt645Commands.readFollowUp(METER, DataIdentifier.of2007(0x05060101), 2);
        assertThat(followUp.control().value()).isEqualTo(0x12);
        assertThat(followUp.data()).isEqualTo(hex("01 01 06 05 02"));
        assertThat(Dlt645Commands.readFollowUp(METER, DataIdentifier.of1997(0x901F), 2).data()).isEqualTo(hex("1F 90"));
    }

    @Test
    void reads_sequence_and_more_follows_flag_from_follow_up_answers() {
        ReadAnswer answer = (ReadAnswer) Dlt645Response.of(Dlt645Frame.of(METER, 0xB2, hex("01 01 06 05 11 22 02")));
        assertThat(answer.moreFollows()).isTrue();
        assertThat(answer.sequence()).isEqualTo(OptionalInt.of(2));
        assertThat(answer.value()).isEqualTo(hex("11 22"));
    }

    @Test
    void read_answer_does_not_match_another_meter_or_identifier() {
        ReadAnswer answer = (ReadAnswer) Dlt645Response.of(Dlt645Frame.of(METER, 0x91, hex("00 00 01 00 01 00 00 00")));
        assertThat(answer.matches(Dlt645Commands.read(METER, DataItem2007.FORWARD_ACTIVE_TOTAL))).isTrue();
        assertThat(answer.matches(Dlt645Commands.read(MeterAddress.of("123456789013"),
                DataItem2007.FORWARD_ACTIVE_TOTAL))).isFalse();
        assertThat(answer.matches(Dlt645Commands.read(METER, DataItem2007.REVERSE_ACTIVE_TOTAL))).isFalse();
        assertThat(answer.matches(Dlt645Commands.read(MeterAddress.broadcast(),
                DataItem2007.FORWARD_ACTIVE_TOTAL))).isFalse();
    }

    @Test
    void freezes_now_with_the_all_nines_pattern() {
        assertThat(Dlt645Commands.freezeNow(MeterAddress.broadcast()).encode(false))
                .isEqualTo(hex("68 99 99 99 99 99 99 68 16 04 CC CC CC CC B0 16"));
        assertThat(Dlt645Commands.freezeDailyAt(METER, 0, 5).data()).isEqualTo(hex("05 00 99 99"));
    }

    @Test
    void changes_baud_with_a_selector_bit() {
        assertThat(Dlt645Commands.changeBaud(Dlt645Version.V2007, METER, 2400).data()).isEqualTo(hex("08"));
        assertThat(Dlt645Commands.changeBaud(Dlt645Version.V1997, METER, 1200).control().value()).isEqualTo(0x0C);
        assertThatIllegalArgumentException().isThrownBy(() -> Dlt645Commands.changeBaud(Dlt645Version.V2007, METER, 300));
    }

    @Test
    void names_function_codes_per_version() {
        assertThat(Dlt645Version.V2007.functionCode(Dlt645Function.RELAY_CONTROL)).isEqualTo(0x1C);
        assertThat(Dlt645Version.V1997.functionCode(Dlt645Function.WRITE)).isEqualTo(0x04);
        assertThat(Dlt645Version.V1997.supports(Dlt645Function.READ_ADDRESS)).isFalse();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Dlt645Version.V1997.functionCode(Dlt645Function.READ_ADDRESS))
                .withMessageContaining("1997");
        assertThat(Dlt645Version.V2007.function(0x16)).contains(Dlt645Function.FREEZE);
    }

    @Test
    void control_code_exposes_its_bits() {
        ControlCode code = ControlCode.of(0xB1);
        assertThat(code.fromMeter()).isTrue();
        assertThat(code.moreFollows()).isTrue();
        assertThat(code.abnormal()).isFalse();
        assertThat(code.functionCode()).isEqualTo(0x11);
        assertThat(ControlCode.of(0x11).abnormalAnswer().value()).isEqualTo(0xD1);
    }

    @Test
    void refuses_to_treat_a_request_as_an_answer() {
        assertThatThrownBy(() -> Dlt645Response.of(Dlt645Commands.read(METER, DataItem2007.VOLTAGE_A)))
                .isInstanceOf(Dlt645FormatException.class);
    }

    @Test
    void hides_the_password_in_logs() {
        assertThat(AUTH.toString()).doesNotContain("123456");
    }

    @Test
    void default_profile_uses_standard_items_where_they_fit_and_vendor_items_elsewhere() {
        MeterProfile profile = MeterProfile.dhdsyDefault();
        assertThat(profile.remainingEnergy().identifier()).isEqualTo(DataIdentifier.of2007(0x00900100));
        assertThat(profile.maximumPower().identifier()).isEqualTo(DataIdentifier.of2007(0x04000E01));
        assertThat(profile.recharge().identifier().value() >>> 16).isEqualTo(0x04A0);
        assertThat(profile.overloadTripRecord().item().historic()).isTrue();
        assertThat(profile.recharge().byteLength()).isEqualTo(4);
    }
}
