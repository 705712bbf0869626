package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Which interval a register value closes, and the usage between two closings. */
class EnergyAggregatesTest {

    @Test
    void a_value_taken_exactly_on_the_hour_closes_the_previous_hour() {
        assertThat(EnergyAggregates.hourOf(Instant.parse("2021-03-01T03:00:00Z")))
                .isEqualTo(Instant.parse("2021-03-01T02:00:00Z"));
        assertThat(EnergyAggregates.hourOf(Instant.parse("2021-03-01T03:00:00.001Z")))
                .isEqualTo(Instant.parse("2021-03-01T03:00:00Z"));
        assertThat(EnergyAggregates.hourOf(Instant.parse("2021-03-01T03:59:59.999Z")))
                .isEqualTo(Instant.parse("2021-03-01T03:00:00Z"));
    }

    @Test
    void shanghai_days_end_at_sixteen_hundred_utc_and_midnight_closes_the_day_before() {
        assertThat(EnergyAggregates.dayOf(Instant.parse("2021-03-01T15:59:59Z"))).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(EnergyAggregates.dayOf(Instant.parse("2021-03-01T16:00:00Z"))).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(EnergyAggregates.dayOf(Instant.parse("2021-03-01T16:00:01Z"))).isEqualTo(LocalDate.of(2021, 3, 2));
    }

    @Test
    void usage_is_the_difference_of_closings_and_survives_a_register_roll_over() {
        assertThat(RegisterDelta.between(new BigDecimal("100.50"), new BigDecimal("101.70"))).contains(new BigDecimal("1.20"));
        assertThat(RegisterDelta.between(new BigDecimal("999999.50"), new BigDecimal("0.70")))
                .contains(new BigDecimal("1.20"));
    }

    @Test
    void a_register_that_goes_back_without_rolling_over_gives_no_usage() {
        assertThat(RegisterDelta.between(new BigDecimal("5000.00"), new BigDecimal("12.00")))
                .as("meter replaced or register reset").isEmpty();
    }
}
