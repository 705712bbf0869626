package io.jichao.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jichao.shared.Kwh;

/**
 * Two periods of the same report side by side, row by row (the first hour, day or month of each,
 * then the second, …), with the difference B − A and its percentage of A. A difference is only
 * given when both figures are complete: a partly missing period is not compared as if it were whole.
 */
public record EnergyComparison(EnergyReport first, EnergyReport second, List<Line> lines, Line total) {

    /** One row of each period; either may be absent when the periods have different lengths. */
    public record Line(EnergyReport.Row first, EnergyReport.Row second, EnergyFigure firstFigure,
                       EnergyFigure secondFigure, Optional<Kwh> difference, Optional<BigDecimal> percent) {
    }

    static EnergyComparison of(EnergyReport first, EnergyReport second) {
        List<Line> lines = new ArrayList<>();
        int size = Math.max(first.rows().size(), second.rows().size());
        for (int i = 0; i < size; i++) {
            EnergyReport.Row a = i < first.rows().size() ? first.rows().get(i) : null;
            EnergyReport.Row b = i < second.rows().size() ? second.rows().get(i) : null;
            lines.add(line(a, b, a == null ? EnergyFigure.NOTHING : a.figure(), b == null ? EnergyFigure.NOTHING : b.figure()));
        }
        return new EnergyComparison(first, second, lines, line(null, null, first.total(), second.total()));
    }

    private static Line line(EnergyReport.Row a, EnergyReport.Row b, EnergyFigure fa, EnergyFigure fb) {
        Optional<Kwh> difference = Optional.empty();
        Optional<BigDecimal> percent = Optional.empty();
        if (fa.complete() && fb.complete()) {
            Kwh base = fa.known().orElseThrow();
            Kwh diff = fb.known().orElseThrow().minus(base);
            difference = Optional.of(diff);
            if (base.value().signum() != 0) {
                percent = Optional.of(diff.value().multiply(BigDecimal.valueOf(100))
                        .divide(base.value(), 2, RoundingMode.HALF_UP));
            }
        }
        return new Line(a, b, fa, fb, difference, percent);
    }
}
