package io.jichao.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jichao.shared.Kwh;

class PeriodEnergyTest {

    private static final Instant T0 = Instant.parse("2026-11-30T16:00:00Z");

    @Test
    void steps_are_multiplied_by_ct_times_pt_and_the_total_is_rounded_once() {
        var usage = PeriodEnergy.over(List.of(closing(0, "100.0000"), closing(1, "100.3333"), closing(2, "100.6667")), 40);

        assertThat(usage.steps()).extracting(PeriodEnergy.Step::kwh)
                .containsExactly(new BigDecimal("13.3320"), new BigDecimal("13.3360"));
        assertThat(usage.total()).isEqualTo(Kwh.of("26.67"));
        assertThat(usage.broken()).isFalse();
    }

    @Test
    void a_roll_over_is_followed_and_a_missing_closing_costs_nothing() {
        var usage = PeriodEnergy.over(List.of(closing(0, "999990.0000"), closing(5, "3.2500")), 1);

        assertThat(usage.total()).isEqualTo(Kwh.of("13.25"));
        assertThat(usage.steps()).singleElement().satisfies(s -> assertThat(s.intervalStart()).isEqualTo(at(5)));
    }

    @Test
    void a_register_that_goes_back_marks_the_period_broken_and_counts_no_negative_step() {
        var usage = PeriodEnergy.over(List.of(closing(0, "500.0000"), closing(1, "520.0000"), closing(2, "3.0000")), 1);

        assertThat(usage.broken()).isTrue();
        assertThat(usage.total()).isEqualTo(Kwh.of("20.00"));
    }

    @Test
    void the_reports_integer_rule_is_the_same_register_rule() {
        assertThat(RegisterDelta.unitsBetween(9_999_900_000L, 32_500L)).isEqualTo(132_500L);
        assertThat(RegisterDelta.unitsBetween(5_000_000L, 30_000L)).isEqualTo(-1L);
        assertThat(RegisterDelta.between(new BigDecimal("999990.0000"), new BigDecimal("3.2500")))
                .contains(new BigDecimal("13.2500"));
    }

    private static PeriodEnergy.Closing closing(int hours, String register) {
        return new PeriodEnergy.Closing(at(hours), new BigDecimal(register));
    }

    private static Instant at(int hours) {
        return T0.plusSeconds(3600L * hours);
    }
}
