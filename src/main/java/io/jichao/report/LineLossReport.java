package io.jichao.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * Line loss of every parent meter over the Shanghai days [from, to] (R14), worst first: complete
 * nodes by loss percentage (highest first), then the incomplete ones, whose loss is not computed.
 */
public record LineLossReport(LocalDate from, LocalDate to, List<Node> nodes) {

    /**
     * One parent meter and its direct children.
     *
     * @param loss    parent − children, only when the parent and every child are complete
     * @param percent loss / parent × 100, two decimals; empty also when the parent used nothing
     * @param money   loss at the parent's price (see {@link LineLossService}); empty without a tariff
     */
    public record Node(HierarchyNode meter, int children, EnergyFigure parent, EnergyFigure childrenSum,
                       Optional<Kwh> loss, Optional<BigDecimal> percent, Optional<Money> money) {

        public boolean complete() {
            return loss.isPresent();
        }

        /** Missing meter-days of the parent and its children together. */
        public int missing() {
            return parent.missing() + childrenSum.missing();
        }
    }
}
