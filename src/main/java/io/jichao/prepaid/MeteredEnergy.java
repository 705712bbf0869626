package io.jichao.prepaid;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.jichao.shared.Kwh;

/**
 * The port through which settlement asks for a meter's energy of a period. {@code prepaid} must not
 * import {@code io.jichao.collection} (the engine depends on {@code prepaid} for recharge delivery),
 * so the collection feature, which owns the readings and the one calculation of period energy
 * ({@code io.jichao.collection.PeriodEnergy}), implements it.
 */
public interface MeteredEnergy {

    /** Why a period has no usable energy. */
    enum Gap { MISSING_READINGS, REGISTER_WENT_BACK }

    /**
     * The energy of [start, end) per hour, CT × PT applied and roll-over followed, each hour's
     * energy attributed to the hour of its closing; {@code total} is rounded once.
     */
    record Period(Kwh total, List<HourlyUsage> hours) {
    }

    /** Either the period, or why there is none. */
    record Outcome(Optional<Period> period, Gap gap) {

        public static Outcome of(Period period) {
            return new Outcome(Optional.of(period), null);
        }

        public static Outcome missing(Gap gap) {
            return new Outcome(Optional.empty(), gap);
        }
    }

    /** From the meter's hourly closings; needs a closing near each boundary (the implementation says how near). */
    Outcome hourly(long meterId, Instant start, Instant end);
}
