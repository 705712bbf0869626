package io.jichao.protocol.dlt645;

import static io.jichao.protocol.dlt645.HexBytes.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jichao.protocol.dlt645.DataValue.Quantity;
import io.jichao.protocol.dlt645.DataValue.QuantityBlock;
import io.jichao.protocol.dlt645.DataValue.TimeOfDay;
import io.jichao.protocol.dlt645.DataValue.Timestamp;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataItemCodecTest {

    @Test
    void keeps_the_exact_scale_of_the_format() {
        Quantity energy = (Quantity) DataItem2007.FORWARD_ACTIVE_TOTAL.decode(hex("00 00 00 00"));
        assertThat(energy.value()).isEqualTo(new BigDecimal("0.00"));
        assertThat(energy.value().scale()).isEqualTo(2);
    }

    @Test
    void divides_three_byte_power_by_ten_thousand() {
        Quantity power = (Quantity) DataItem2007.ACTIVE_POWER_TOTAL.decode(hex("56 34 12"));
        assertThat(power.value()).isEqualTo(new BigDecimal("12.3456"));
        assertThat(power.unit()).isEqualTo(MeasurementUnit.KILOWATT);
    }

    @Test
    void decodes_negative_power_factor_from_sign_bit() {
        Quantity factor = (Quantity) DataItem2007.POWER_FACTOR_A.decode(hex("50 89"));
        assertThat(factor.value()).isEqualTo(new BigDecimal("-0.950"));
    }

    @Test
    void reads_the_1997_current_as_unsigned_hundredths() {
        Quantity current = (Quantity) DataItem1997.CURRENT_B.decode(hex("34 12"));
        assertThat(current.value()).isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void reads_a_tariff_block_in_order_total_first() {
        QuantityBlock block = (QuantityBlock) DataItem2007.FORWARD_ACTIVE_BLOCK.decode(
                hex("00 01 00 00 00 02 00 00 00 03 00 00 00 04 00 00 00 05 00 00"));
        assertThat(block.values()).containsExactly(new BigDecimal("1.00"), new BigDecimal("2.00"),
                new BigDecimal("3.00"), new BigDecimal("4.00"), new BigDecimal("5.00"));
    }

    @Test
    void reads_time_and_freeze_time() {
        assertThat(DataItem2007.TIME.decode(hex("30 45 13"))).isEqualTo(new TimeOfDay(LocalTime.of(13, 45, 30)));
        assertThat(DataItem2007.DAILY_FREEZE_TIME.decode(hex("00 00 17 05 24")))
                .isEqualTo(new Timestamp(LocalDateTime.of(2024, 5, 17, 0, 0)));
    }

    @Test
    void rejects_bytes_that_are_not_bcd() {
        assertThatThrownBy(() -> DataItem2007.FORWARD_ACTIVE_TOTAL.decode(hex("FF FF FF FF")))
                .isInstanceOf(Dlt645FormatException.class).hasMessageContaining("not BCD");
    }

    @Test
    void rejects_a_value_of_the_wrong_length() {
        assertThatThrownBy(() -> DataItem2007.VOLTAGE_A.decode(hex("01 02 03")))
                .isInstanceOf(Dlt645FormatException.class).hasMessageContaining("expected 2");
    }

    @Test
    void rejects_an_impossible_date() {
        assertThatThrownBy(() -> DataItem2007.DATE.decode(hex("05 31 02 24")))
                .isInstanceOf(Dlt645FormatException.class);
    }

    @Test
    void refuses_to_encode_an_energy_that_overflows_eight_digits() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataItem2007.REMAINING_ENERGY.encode(new BigDecimal("1000000.00")))
                .withMessageContaining("overflows").withMessageContaining("999999.99");
        assertThat(DataItem2007.REMAINING_ENERGY.encode(new BigDecimal("999999.99"))).isEqualTo(hex("99 99 99 99"));
    }

    @Test
    void refuses_to_encode_a_signed_magnitude_that_reaches_the_sign_bit() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataItem2007.CURRENT_A.encode(new BigDecimal("800.000")));
        assertThat(DataItem2007.CURRENT_A.encode(new BigDecimal("-799.999"))).isEqualTo(hex("99 99 F9"));
    }

    @Test
    void refuses_to_round_silently() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataItem2007.REMAINING_ENERGY.encode(new BigDecimal("1.005")))
                .withMessageContaining("decimal places");
    }

    @Test
    void refuses_a_negative_value_for_an_unsigned_item() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DataItem2007.REMAINING_ENERGY.encode(new BigDecimal("-1.00")));
    }

    @Test
    void refuses_a_value_in_another_unit() {
        assertThatIllegalArgumentException().isThrownBy(() -> DataItem2007.REMAINING_ENERGY
                .encode(new Quantity(BigDecimal.ONE, MeasurementUnit.YUAN)));
    }

    @Test
    void refuses_a_block_of_the_wrong_size() {
        assertThatIllegalArgumentException().isThrownBy(() -> DataItem2007.VOLTAGE_BLOCK
                .encode(new QuantityBlock(List.of(BigDecimal.ONE), MeasurementUnit.VOLT)));
    }

    @Test
    void finds_items_by_identifier_including_older_history_records() {
        assertThat(DataItem.find(DataIdentifier.of2007(0x00010000))).contains(DataItem2007.FORWARD_ACTIVE_TOTAL);
        assertThat(DataItem.find(DataIdentifier.of1997(0x9010))).contains(DataItem1997.FORWARD_ACTIVE_TOTAL);
        assertThat(DataItem.find(DataIdentifier.of2007(0x05060105))).contains(DataItem2007.DAILY_FREEZE_FORWARD_ACTIVE);
        assertThat(DataItem.find(DataIdentifier.of2007(0x00010005))).isEmpty();
    }

    @Test
    void puts_the_occurrence_into_di0_of_history_items() {
        assertThat(DataItem2007.HOURLY_FREEZE_FORWARD_ACTIVE.identifier(24))
                .isEqualTo(DataIdentifier.of2007(0x05040118));
        assertThatIllegalArgumentException().isThrownBy(() -> DataItem2007.VOLTAGE_A.identifier(2));
    }

    @Test
    void every_catalog_item_has_the_length_of_its_format() {
        assertThat(DataItem2007.FORWARD_ACTIVE_BLOCK.format().byteLength()).isEqualTo(20);
        assertThat(DataItem2007.VOLTAGE_BLOCK.format().byteLength()).isEqualTo(6);
        assertThat(DataItem2007.CURRENT_A.format().byteLength()).isEqualTo(3);
        assertThat(DataItem2007.HOURLY_FREEZE_TIME.format().byteLength()).isEqualTo(5);
        assertThat(DataItem2007.COMMUNICATION_ADDRESS.format().byteLength()).isEqualTo(6);
        assertThat(DataItem1997.ACTIVE_POWER_TOTAL.format().byteLength()).isEqualTo(3);
    }

    @Test
    void status_word_bits_refuse_to_be_read_from_another_word() {
        StatusWord word1 = new StatusWord(1, 0x0010);
        assertThatIllegalArgumentException().isThrownBy(word1::relayOpen).withMessageContaining("status word 3");
        assertThat(word1.bit(4)).isTrue();
    }
}
