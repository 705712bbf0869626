package io.jichao.prepaid;

import java.time.LocalTime;
import java.util.List;

import io.jichao.shared.Kwh;

/** Tariffs whose figures the tests compute by hand. */
final class TariffFixtures {

    private TariffFixtures() {
    }

    static TariffPlan.Flat flat(String price) {
        return new TariffPlan.Flat(PricePerKwh.of(price));
    }

    /** Peak 08-12 and 17-21 at 1.00, flat 12-17 and 21-23 at 0.60, valley 23-08 at 0.30; recharge at 0.65. */
    static TariffPlan.TimeOfUse timeOfUse() {
        return new TariffPlan.TimeOfUse(List.of(
                period(PeriodKind.PEAK, "08:00", "12:00", "1.0000"),
                period(PeriodKind.FLAT, "12:00", "17:00", "0.6000"),
                period(PeriodKind.PEAK, "17:00", "21:00", "1.0000"),
                period(PeriodKind.FLAT, "21:00", "23:00", "0.6000"),
                period(PeriodKind.VALLEY, "23:00", "08:00", "0.3000")), PricePerKwh.of("0.6500"));
    }

    /** Up to 200 kWh a month at 0.50, up to 400 at 0.55, the rest at 0.80. */
    static TariffPlan.Stepped stepped() {
        return new TariffPlan.Stepped(List.of(
                new TariffStep(Kwh.of("200"), PricePerKwh.of("0.5000")),
                new TariffStep(Kwh.of("400"), PricePerKwh.of("0.5500")),
                new TariffStep(null, PricePerKwh.of("0.8000"))));
    }

    static TouPeriod period(PeriodKind kind, String start, String end, String price) {
        return new TouPeriod(kind, LocalTime.parse(start), LocalTime.parse(end), PricePerKwh.of(price));
    }
}
