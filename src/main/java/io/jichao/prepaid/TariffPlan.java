package io.jichao.prepaid;

import java.time.LocalTime;
import java.util.List;

import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;

/**
 * The prices of one tariff version, validated when built so that an invalid plan can never be
 * stored or used. Pure values: the calculator and the persistence both work on these.
 */
public sealed interface TariffPlan {

    int MINUTES_PER_DAY = 24 * 60;

    TariffKind kind();

    /** One price for every kWh. */
    record Flat(PricePerKwh price) implements TariffPlan {
        public Flat {
            if (price == null) {
                throw new DomainException("error.tariff.price.range", PricePerKwh.MAX.toPlainString());
            }
        }

        @Override
        public TariffKind kind() {
            return TariffKind.FLAT;
        }
    }

    /**
     * Periods of the day with their own prices, together covering 24 hours exactly once.
     * {@code rechargeReferencePrice} is the flat-equivalent price at which prepaid credit is sold:
     * a recharge does not know when the energy will be used, so the site publishes this price
     * (usually a usage-weighted average of the periods) for it.
     */
    record TimeOfUse(List<TouPeriod> periods, PricePerKwh rechargeReferencePrice) implements TariffPlan {
        public TimeOfUse {
            periods = List.copyOf(periods);
            if (rechargeReferencePrice == null) {
                throw new DomainException("error.tariff.tou.reference");
            }
            checkCoversTheDayOnce(periods);
        }

        @Override
        public TariffKind kind() {
            return TariffKind.TIME_OF_USE;
        }

        /** The period that contains a time of day; exists for every time because validation ensured coverage. */
        public TouPeriod periodAt(LocalTime time) {
            return periods.stream().filter(p -> p.contains(time)).findFirst().orElseThrow();
        }

        private static void checkCoversTheDayOnce(List<TouPeriod> periods) {
            if (periods.isEmpty()) {
                throw new DomainException("error.tariff.tou.gap", "00:00");
            }
            int[] cover = new int[MINUTES_PER_DAY];
            for (TouPeriod period : periods) {
                for (int i = 0; i < period.lengthMinutes(); i++) {
                    int minute = (period.startMinute() + i) % MINUTES_PER_DAY;
                    if (++cover[minute] > 1) {
                        throw new DomainException("error.tariff.tou.overlap", clock(minute));
                    }
                }
            }
            for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
                if (cover[minute] == 0) {
                    throw new DomainException("error.tariff.tou.gap", clock(minute));
                }
            }
        }

        private static String clock(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    /**
     * Monthly blocks (阶梯电价): usage up to the first bound at the first price, up to the next bound
     * at the next, the rest at the last price. Bounds strictly ascending; only the last is open.
     */
    record Stepped(List<TariffStep> steps) implements TariffPlan {
        public Stepped {
            steps = List.copyOf(steps);
            if (steps.isEmpty() || !steps.getLast().isLast()) {
                throw new DomainException("error.tariff.steps.open.end");
            }
            for (int i = 0; i < steps.size() - 1; i++) {
                TariffStep step = steps.get(i);
                if (step.isLast()) {
                    throw new DomainException("error.tariff.steps.open.end");
                }
                if (i > 0 && step.upTo().compareTo(steps.get(i - 1).upTo()) <= 0) {
                    throw new DomainException("error.tariff.steps.ascending");
                }
            }
        }

        @Override
        public TariffKind kind() {
            return TariffKind.STEPPED;
        }

        /** The block a month-to-date usage is in; usage exactly at a bound is already in the next block. */
        public TariffStep stepAt(Kwh monthToDate) {
            return steps.stream().filter(s -> s.isLast() || monthToDate.compareTo(s.upTo()) < 0)
                    .findFirst().orElseThrow();
        }
    }
}
