package io.jichao.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

import io.jichao.shared.Kwh;

/**
 * Energy of one report cell: the sum of the intervals that are known (CT × PT applied), how many
 * meter-intervals were expected and how many of them are missing. A cell with a missing interval is
 * incomplete: its known sum is shown and flagged, never taken as the whole; a cell with no known
 * interval has no value at all (never zero).
 */
public record EnergyFigure(Optional<Kwh> known, int expected, int missing) {

    static final EnergyFigure NOTHING = new EnergyFigure(Optional.empty(), 0, 0);

    static EnergyFigure of(BigDecimal exactSum, int found, int expected) {
        Optional<Kwh> known = found == 0 ? Optional.empty() : Optional.of(Kwh.rounded(exactSum, RoundingMode.HALF_UP));
        return new EnergyFigure(known, expected, Math.max(0, expected - found));
    }

    public boolean complete() {
        return missing == 0 && known.isPresent();
    }

    /** Nothing was expected yet (the interval lies in the future, or no meter existed). */
    public boolean notDue() {
        return expected == 0;
    }

    /** The value only when every interval is known. */
    public Optional<Kwh> completeValue() {
        return complete() ? known : Optional.empty();
    }

    EnergyFigure plus(EnergyFigure other) {
        Optional<Kwh> sum = known.isEmpty() ? other.known
                : other.known.isEmpty() ? known : Optional.of(known.get().plus(other.known.get()));
        return new EnergyFigure(sum, expected + other.expected, missing + other.missing);
    }
}
