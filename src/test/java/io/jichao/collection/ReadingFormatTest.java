package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Values with the decimals of their DL/T 645-2007 item, whatever scale they were stored with. */
class ReadingFormatTest {

    private static String format(ReadingItem item, String value) {
        return ReadingFormat.format(item, new BigDecimal(value));
    }

    @Test
    void energy_stored_with_four_decimals_is_shown_with_the_meters_two() {
        assertThat(format(ReadingItem.ACTIVE_ENERGY, "35594.6300")).isEqualTo("35594.63");
        assertThat(format(ReadingItem.ACTIVE_ENERGY, "35594.63")).isEqualTo("35594.63");
        assertThat(format(ReadingItem.REMAINING_ENERGY, "12")).isEqualTo("12.00");
        assertThat(format(ReadingItem.DAILY_FREEZE, "100.5000")).isEqualTo("100.50");
    }

    @Test
    void each_item_has_its_own_scale_from_the_protocol_core() {
        assertThat(format(ReadingItem.VOLTAGE_B, "220.1000")).isEqualTo("220.1");
        assertThat(format(ReadingItem.CURRENT_C, "5.2000")).isEqualTo("5.200");
        assertThat(format(ReadingItem.ACTIVE_POWER, "1.25")).isEqualTo("1.2500");
        assertThat(format(ReadingItem.POWER_FACTOR, "0.9800")).isEqualTo("0.980");
        assertThat(format(ReadingItem.WATER_VOLUME, "12.3450")).isEqualTo("12.345");
        assertThat(format(ReadingItem.OVERLOAD_TRIP_COUNT, "3.0000")).isEqualTo("3");
    }

    @Test
    void significant_decimals_beyond_the_items_scale_are_never_rounded_away() {
        assertThat(format(ReadingItem.ACTIVE_ENERGY, "1.2345")).isEqualTo("1.2345");
        assertThat(format(ReadingItem.VOLTAGE_A, "100")).isEqualTo("100.0");
    }
}
