package io.jichao.prepaid;

import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;

/**
 * A block of a stepped tariff: monthly usage up to {@code upTo} kWh (exclusive of what lies above)
 * costs {@code price}; the last block has no upper bound ({@code upTo == null}).
 */
public record TariffStep(Kwh upTo, PricePerKwh price) {

    public TariffStep {
        if (price == null) {
            throw new DomainException("error.tariff.step.incomplete");
        }
        if (upTo != null && !upTo.isPositive()) {
            throw new DomainException("error.tariff.steps.ascending");
        }
    }

    public boolean isLast() {
        return upTo == null;
    }
}
