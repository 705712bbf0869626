package io.jichao.prepaid;

import static io.jichao.prepaid.TariffFixtures.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;

class TariffPlanTest {

    private static final PricePerKwh REF = PricePerKwh.of("0.6");

    @Test
    void periods_that_cover_the_day_once_are_accepted_including_across_midnight() {
        TariffPlan.TimeOfUse plan = TariffFixtures.timeOfUse();
        assertThat(plan.periodAt(LocalTime.parse("07:59")).kind()).isEqualTo(PeriodKind.VALLEY);
        assertThat(plan.periodAt(LocalTime.parse("08:00")).kind()).isEqualTo(PeriodKind.PEAK);
        assertThat(plan.periodAt(LocalTime.parse("23:00")).kind()).isEqualTo(PeriodKind.VALLEY);
        assertThat(plan.periodAt(LocalTime.MIDNIGHT).kind()).isEqualTo(PeriodKind.VALLEY);
    }

    @Test
    void one_period_from_midnight_to_midnight_is_the_whole_day() {
        TariffPlan.TimeOfUse plan = new TariffPlan.TimeOfUse(
                List.of(period(PeriodKind.FLAT, "00:00", "00:00", "0.5")), REF);
        assertThat(plan.periodAt(LocalTime.parse("13:37")).kind()).isEqualTo(PeriodKind.FLAT);
    }

    @Test
    void overlapping_periods_are_refused_with_the_first_overlapping_minute() {
        expect(() -> new TariffPlan.TimeOfUse(List.of(
                period(PeriodKind.PEAK, "08:00", "12:00", "1"),
                period(PeriodKind.VALLEY, "11:30", "08:00", "0.3")), REF), "error.tariff.tou.overlap", "11:30");
    }

    @Test
    void a_gap_between_periods_is_refused() {
        expect(() -> new TariffPlan.TimeOfUse(List.of(
                period(PeriodKind.PEAK, "08:00", "12:00", "1"),
                period(PeriodKind.VALLEY, "12:01", "08:00", "0.3")), REF), "error.tariff.tou.gap", "12:00");
        expect(() -> new TariffPlan.TimeOfUse(List.of(), REF), "error.tariff.tou.gap", "00:00");
    }

    @Test
    void periods_need_whole_minutes_and_a_reference_price() {
        expect(() -> new TouPeriod(PeriodKind.PEAK, LocalTime.parse("08:00:30"), LocalTime.parse("09:00"),
                REF), "error.tariff.period.minutes");
        expect(() -> new TariffPlan.TimeOfUse(List.of(period(PeriodKind.FLAT, "00:00", "00:00", "0.5")), null),
                "error.tariff.tou.reference");
    }

    @Test
    void stepped_blocks_must_ascend_and_end_open() {
        PricePerKwh p = PricePerKwh.of("0.5");
        expect(() -> new TariffPlan.Stepped(List.of(new TariffStep(Kwh.of("200"), p), new TariffStep(Kwh.of("200"), p),
                new TariffStep(null, p))), "error.tariff.steps.ascending");
        expect(() -> new TariffPlan.Stepped(List.of(new TariffStep(Kwh.of("300"), p), new TariffStep(Kwh.of("200"), p),
                new TariffStep(null, p))), "error.tariff.steps.ascending");
        expect(() -> new TariffPlan.Stepped(List.of(new TariffStep(Kwh.of("200"), p))), "error.tariff.steps.open.end");
        expect(() -> new TariffPlan.Stepped(List.of(new TariffStep(null, p), new TariffStep(null, p))),
                "error.tariff.steps.open.end");
        expect(() -> new TariffPlan.Stepped(List.of()), "error.tariff.steps.open.end");
        expect(() -> new TariffStep(Kwh.ZERO, p), "error.tariff.steps.ascending");
        assertThat(new TariffPlan.Stepped(List.of(new TariffStep(null, p))).stepAt(Kwh.of("999999")))
                .isEqualTo(new TariffStep(null, p));
    }

    @Test
    void prices_are_positive_with_at_most_four_decimals() {
        assertThat(PricePerKwh.of("0.5").yuan()).isEqualTo(new BigDecimal("0.5000"));
        expect(() -> PricePerKwh.of("0"), "error.tariff.price.range");
        expect(() -> PricePerKwh.of("-0.5"), "error.tariff.price.range");
        expect(() -> PricePerKwh.of("100.0001"), "error.tariff.price.range");
        expect(() -> PricePerKwh.of("0.52831"), "error.tariff.price.decimals");
    }

    private static void expect(ThrowingCallable call, String key, Object... arguments) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            if (arguments.length > 0) {
                assertThat(e.arguments()).containsExactly(arguments);
            }
        });
    }
}
