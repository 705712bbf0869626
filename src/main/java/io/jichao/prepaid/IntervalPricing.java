package io.jichao.prepaid;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.TreeSet;
import java.util.function.Function;

import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;

/**
 * Prices the energy a meter used between two of its readings, for host-side prepaid. Pure like
 * {@link TariffCalculator}. Only the two readings are known, so the energy is spread evenly over
 * the interval (never guessed beyond it) and the interval is cut at every Shanghai midnight (the
 * tariff in force is per day; a new month starts stepped usage again) and, for time-of-use, at
 * every period start; each slice is priced by the plan in force on its day, exactly, and the caller
 * rounds the running total once.
 */
final class IntervalPricing {

    private static final MathContext EXACT = MathContext.DECIMAL64;

    /** Stepped usage so far: the Shanghai month and the energy used in it. */
    record MonthUsage(YearMonth month, BigDecimal kwh) {
    }

    /** The exact cost of the interval and the month's usage after it. */
    record Priced(BigDecimal cost, MonthUsage usage) {
    }

    private IntervalPricing() {
    }

    static Priced price(Instant from, Instant to, BigDecimal energy, MonthUsage before,
                        Function<LocalDate, TariffPlan> planOn) {
        long totalMillis = Duration.between(from, to).toMillis();
        MonthUsage usage = before;
        BigDecimal cost = BigDecimal.ZERO;
        if (totalMillis <= 0) {
            // Two readings at the same moment with different registers: price the energy at that moment.
            return slice(from, energy, usage, planOn);
        }
        Instant start = from;
        while (start.isBefore(to)) {
            Instant end = nextCut(start, planOn).isBefore(to) ? nextCut(start, planOn) : to;
            BigDecimal share = energy.multiply(BigDecimal.valueOf(Duration.between(start, end).toMillis()))
                    .divide(BigDecimal.valueOf(totalMillis), EXACT);
            Priced priced = slice(start, share, usage, planOn);
            cost = cost.add(priced.cost());
            usage = priced.usage();
            start = end;
        }
        return new Priced(cost, usage);
    }

    private static Priced slice(Instant at, BigDecimal energy, MonthUsage before, Function<LocalDate, TariffPlan> planOn) {
        ZonedDateTime local = at.atZone(TimeConfiguration.DISPLAY_ZONE);
        YearMonth month = YearMonth.from(local);
        BigDecimal used = month.equals(before.month()) ? before.kwh() : BigDecimal.ZERO;
        TariffPlan plan = planOn.apply(local.toLocalDate());
        BigDecimal cost = switch (plan) {
            case TariffPlan.Flat flat -> flat.price().exactCostOf(energy);
            case TariffPlan.TimeOfUse tou -> tou.periodAt(local.toLocalTime()).price().exactCostOf(energy);
            case TariffPlan.Stepped stepped -> stepped(stepped, used, energy);
        };
        return new Priced(cost, new MonthUsage(month, used.add(energy)));
    }

    private static BigDecimal stepped(TariffPlan.Stepped plan, BigDecimal used, BigDecimal energy) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal remaining = energy;
        while (remaining.signum() > 0) {
            TariffStep step = plan.stepAt(new Kwh(used));
            BigDecimal inStep = step.isLast() ? remaining : remaining.min(step.upTo().value().subtract(used));
            total = total.add(step.price().exactCostOf(inStep));
            used = used.add(inStep);
            remaining = remaining.subtract(inStep);
        }
        return total;
    }

    /** The next Shanghai midnight or, for a time-of-use plan, period start after {@code at}. */
    private static Instant nextCut(Instant at, Function<LocalDate, TariffPlan> planOn) {
        ZonedDateTime local = at.atZone(TimeConfiguration.DISPLAY_ZONE);
        Instant midnight = local.toLocalDate().plusDays(1).atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        if (!(planOn.apply(local.toLocalDate()) instanceof TariffPlan.TimeOfUse tou)) {
            return midnight;
        }
        TreeSet<LocalTime> starts = new TreeSet<>();
        tou.periods().forEach(period -> starts.add(period.start()));
        LocalTime next = starts.higher(local.toLocalTime());
        if (next == null) {
            return midnight;
        }
        Instant cut = local.toLocalDate().atTime(next).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
        return cut.isBefore(midnight) ? cut : midnight;
    }
}
