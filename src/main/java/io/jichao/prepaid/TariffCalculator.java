package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * Prices energy with a {@link TariffPlan}. Pure: no Spring, no clock, no database, so every
 * figure can be checked by hand in a unit test.
 *
 * <p>Rounding: a recharge converts once (money to kWh rounds down, kWh to money rounds half up);
 * a usage profile is priced exactly hour by hour and rounded half up once, on the total.
 */
public final class TariffCalculator {

    private TariffCalculator() {
    }

    /**
     * The flat-equivalent price a recharge is sold at: the flat price, the time-of-use reference
     * price, or for stepped tariffs the price of the block the household's month-to-date usage is in.
     */
    public static PricePerKwh rechargePrice(TariffPlan plan, Kwh monthToDate) {
        return switch (plan) {
            case TariffPlan.Flat flat -> flat.price();
            case TariffPlan.TimeOfUse tou -> tou.rechargeReferencePrice();
            case TariffPlan.Stepped stepped -> stepped.stepAt(monthToDate).price();
        };
    }

    /** Energy a recharge of {@code money} buys, rounded down to 0.01 kWh. */
    public static Kwh energyFor(Money money, TariffPlan plan, Kwh monthToDate) {
        return rechargePrice(plan, monthToDate).energyFor(money);
    }

    /** Money a recharge of {@code energy} costs, rounded half up to the fen. */
    public static Money costOf(Kwh energy, TariffPlan plan, Kwh monthToDate) {
        return rechargePrice(plan, monthToDate).costOf(energy);
    }

    /**
     * Cost of hourly usage for billing. Time-of-use prices each hour by the period that contains
     * the start of the hour in Asia/Shanghai (hourly data cannot be split more finely). Stepped
     * tariffs accumulate usage from {@code monthToDateBefore}, split an hour that crosses a block
     * bound, and start again from zero when a new calendar month (Asia/Shanghai) begins.
     */
    public static Money costOfUsage(TariffPlan plan, List<HourlyUsage> profile, Kwh monthToDateBefore) {
        List<HourlyUsage> hours = profile.stream().sorted(Comparator.comparing(h -> h.hourStart().toInstant())).toList();
        BigDecimal exact = switch (plan) {
            case TariffPlan.Flat flat -> hours.stream()
                    .map(h -> flat.price().exactCostOf(h.energy().value()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            case TariffPlan.TimeOfUse tou -> hours.stream()
                    .map(h -> tou.periodAt(local(h.hourStart()).toLocalTime()).price().exactCostOf(h.energy().value()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            case TariffPlan.Stepped stepped -> steppedCost(stepped, hours, monthToDateBefore);
        };
        return Money.rounded(exact);
    }

    private static BigDecimal steppedCost(TariffPlan.Stepped plan, List<HourlyUsage> hours, Kwh monthToDateBefore) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal used = monthToDateBefore.value();
        YearMonth month = hours.isEmpty() ? null : YearMonth.from(local(hours.getFirst().hourStart()));
        for (HourlyUsage hour : hours) {
            YearMonth hourMonth = YearMonth.from(local(hour.hourStart()));
            if (!hourMonth.equals(month)) {
                month = hourMonth;
                used = BigDecimal.ZERO;
            }
            BigDecimal remaining = hour.energy().value();
            while (remaining.signum() > 0) {
                TariffStep step = plan.stepAt(new Kwh(used));
                BigDecimal inStep = step.isLast() ? remaining : remaining.min(step.upTo().value().subtract(used));
                total = total.add(step.price().exactCostOf(inStep));
                used = used.add(inStep);
                remaining = remaining.subtract(inStep);
            }
        }
        return total;
    }

    private static ZonedDateTime local(ZonedDateTime time) {
        return time.withZoneSameInstant(TimeConfiguration.DISPLAY_ZONE);
    }
}
