package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.MeterProfile;

/** The DHDSY "last overload trip" record (04A00402) as reading values, from its bytes. */
class OverloadTripRecordTest {

    private static List<BigDecimal> decoded(String... digits) {
        List<BigDecimal> numbers = java.util.Arrays.stream(digits).map(BigDecimal::new).toList();
        byte[] plain = MeterProfile.DHDSY_LAST_OVERLOAD_TRIP.format().encode(
                new DataValue.QuantityBlock(numbers, io.jichao.protocol.dlt645.MeasurementUnit.NONE));
        assertThat(plain).hasSize(18);
        return ((DataValue.QuantityBlock) MeterProfile.DHDSY_LAST_OVERLOAD_TRIP.format().decode(plain)).values();
    }

    @Test
    void a_restored_maximum_power_trip_gives_its_start_cause_restore_and_length() {
        List<ItemValue> values = OverloadTripRecord.values(decoded("260112083015", "260112083315", "1"));

        assertThat(values).containsExactly(
                new ItemValue(ReadingItem.LAST_OVERLOAD_TRIP, BigDecimal.ONE, LocalDateTime.of(2026, 1, 12, 8, 30, 15)),
                new ItemValue(ReadingItem.LAST_OVERLOAD_RESTORE, BigDecimal.valueOf(180),
                        LocalDateTime.of(2026, 1, 12, 8, 33, 15)));
    }

    @Test
    void a_trip_still_in_progress_has_no_restore_and_a_sudden_power_cause_is_kept() {
        List<ItemValue> values = OverloadTripRecord.values(decoded("260112083015", "0", "2"));

        assertThat(values).containsExactly(new ItemValue(ReadingItem.LAST_OVERLOAD_TRIP,
                BigDecimal.valueOf(MeterProfile.TRIP_CAUSE_SUDDEN_POWER), LocalDateTime.of(2026, 1, 12, 8, 30, 15)));
    }

    @Test
    void a_record_without_a_valid_start_gives_nothing_and_a_restore_before_the_start_is_ignored() {
        assertThat(OverloadTripRecord.values(decoded("0", "0", "0"))).isEmpty();
        assertThat(OverloadTripRecord.values(decoded("261399999999", "0", "1"))).isEmpty();
        assertThat(OverloadTripRecord.values(decoded("260112083015", "260112082000", "1")))
                .extracting(ItemValue::item).containsExactly(ReadingItem.LAST_OVERLOAD_TRIP);
    }
}
