package io.jichao.collection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jichao.shared.Kwh;

/**
 * The one calculation of a meter's energy over a period, from the closings stored for it
 * ({@code energy_hourly} or {@code energy_daily}): each step between two consecutive stored
 * closings is the register's advance by {@link RegisterDelta} (roll-over followed), times the
 * meter's CT × PT, attributed to the later closing's interval. A missing closing inside the period
 * costs nothing (the next step covers it); a register that went back (meter replaced or reset)
 * leaves that step out and marks the period broken. Post-paid settlement, statements and the
 * energy reports' streaming pass (which applies {@link RegisterDelta#unitsBetween} to the same
 * closings) all count energy this way.
 */
public final class PeriodEnergy {

    /** A stored closing: the interval's start (hour start or Shanghai day start) and the register then. */
    public record Closing(Instant intervalStart, BigDecimal register) {
    }

    /** The energy of one step, CT × PT applied, exact (not rounded). */
    public record Step(Instant intervalStart, BigDecimal kwh) {
    }

    /**
     * The period from its opening closing to its closing one. {@code total} is rounded once, to
     * {@link Kwh#SCALE}; {@code steps} stay exact for pricing.
     */
    public record Usage(int multiplier, BigDecimal openingRegister, BigDecimal closingRegister, List<Step> steps,
                        BigDecimal exactTotal, boolean broken) {

        public Kwh total() {
            return Kwh.rounded(exactTotal, RoundingMode.HALF_UP);
        }

        /** True when some step was counted (an empty period has no usage, not a zero one). */
        public boolean covered() {
            return !steps.isEmpty();
        }
    }

    private PeriodEnergy() {
    }

    /** Applies the register rule and the multiplier to closings in time order (the first is the opening). */
    public static Usage over(List<Closing> closings, int multiplier) {
        if (multiplier < 1) {
            throw new IllegalArgumentException("CT x PT must be at least 1: " + multiplier);
        }
        List<Step> steps = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean broken = false;
        BigDecimal factor = BigDecimal.valueOf(multiplier);
        for (int i = 1; i < closings.size(); i++) {
            Optional<BigDecimal> used = RegisterDelta.between(closings.get(i - 1).register(), closings.get(i).register());
            if (used.isEmpty()) {
                broken = true;
                continue;
            }
            BigDecimal kwh = used.get().multiply(factor);
            steps.add(new Step(closings.get(i).intervalStart(), kwh));
            total = total.add(kwh);
        }
        BigDecimal opening = closings.isEmpty() ? null : closings.getFirst().register();
        BigDecimal closing = closings.isEmpty() ? null : closings.getLast().register();
        return new Usage(multiplier, opening, closing, List.copyOf(steps), total, broken);
    }
}
