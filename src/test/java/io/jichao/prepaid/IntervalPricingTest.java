package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/** Host-side prepaid pricing of the energy between two readings, checked by hand. */
class IntervalPricingTest {

    private static final TariffPlan TOU = new TariffPlan.TimeOfUse(List.of(
            new TouPeriod(PeriodKind.PEAK, LocalTime.of(8, 0), LocalTime.of(22, 0), PricePerKwh.of("1.0000")),
            new TouPeriod(PeriodKind.VALLEY, LocalTime.of(22, 0), LocalTime.of(8, 0), PricePerKwh.of("0.3000"))),
            PricePerKwh.of("0.6000"));
    private static final TariffPlan STEPPED = new TariffPlan.Stepped(List.of(
            new TariffStep(Kwh.of("100"), PricePerKwh.of("0.5000")), new TariffStep(null, PricePerKwh.of("0.8000"))));
    private static final IntervalPricing.MonthUsage DECEMBER = new IntervalPricing.MonthUsage(YearMonth.of(2026, 12),
            BigDecimal.ZERO);

    @Test
    void time_of_use_energy_is_split_by_the_readings_times_at_the_period_boundary() {
        IntervalPricing.Priced priced = IntervalPricing.price(at(1, 21, 30), at(1, 22, 30), new BigDecimal("2"), DECEMBER,
                day -> TOU);

        // 1 kWh before 22:00 at 1.00, 1 kWh after at 0.30.
        assertThat(Money.rounded(priced.cost())).isEqualTo(Money.of("1.30"));
    }

    @Test
    void a_long_gap_is_spread_over_the_periods_it_covers_never_guessed_beyond_it() {
        IntervalPricing.Priced priced = IntervalPricing.price(at(2, 0, 30), at(2, 8, 30), new BigDecimal("16"), DECEMBER,
                day -> TOU);

        // 7.5 h of valley (15 kWh × 0.30) and 0.5 h of peak (1 kWh × 1.00).
        assertThat(Money.rounded(priced.cost())).isEqualTo(Money.of("5.50"));
    }

    @Test
    void stepped_usage_crosses_a_block_and_starts_again_in_a_new_month() {
        IntervalPricing.MonthUsage used = new IntervalPricing.MonthUsage(YearMonth.of(2026, 12), new BigDecimal("90"));
        IntervalPricing.Priced inDecember = IntervalPricing.price(at(1, 10, 0), at(1, 12, 0), new BigDecimal("20"), used,
                day -> STEPPED);
        // 10 kWh to the bound at 0.50, 10 kWh above at 0.80.
        assertThat(Money.rounded(inDecember.cost())).isEqualTo(Money.of("13.00"));
        assertThat(inDecember.usage().kwh()).isEqualByComparingTo("110");

        Instant lastEvening = LocalDateTime.of(2026, 12, 31, 23, 0).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
        Instant newYear = LocalDateTime.of(2027, 1, 1, 1, 0).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
        IntervalPricing.Priced acrossMonths = IntervalPricing.price(lastEvening, newYear, new BigDecimal("4"),
                inDecember.usage(), day -> STEPPED);
        // 2 kWh in December above the bound (0.80), 2 kWh in January from zero (0.50).
        assertThat(Money.rounded(acrossMonths.cost())).isEqualTo(Money.of("2.60"));
        assertThat(acrossMonths.usage().month()).isEqualTo(YearMonth.of(2027, 1));
        assertThat(acrossMonths.usage().kwh()).isEqualByComparingTo("2");
    }

    @Test
    void each_day_is_priced_by_the_plan_in_force_that_day() {
        TariffPlan cheap = new TariffPlan.Flat(PricePerKwh.of("0.5000"));
        TariffPlan dear = new TariffPlan.Flat(PricePerKwh.of("1.0000"));
        IntervalPricing.Priced priced = IntervalPricing.price(at(1, 23, 0), at(2, 1, 0), new BigDecimal("2"), DECEMBER,
                day -> day.getDayOfMonth() == 1 ? cheap : dear);

        assertThat(Money.rounded(priced.cost())).isEqualTo(Money.of("1.50"));
    }

    private static Instant at(int day, int hour, int minute) {
        return LocalDateTime.of(2026, 12, day, hour, minute).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
    }
}
