package io.jichao.prepaid;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * Yuan per kWh with exactly four decimals, the precision tariffs are published in
 * (e.g. 0.5283). Must be positive: a free tariff is a configuration error, not a price.
 */
public record PricePerKwh(BigDecimal yuan) {

    public static final int SCALE = 4;
    public static final BigDecimal MAX = new BigDecimal("100.0000");

    public PricePerKwh {
        if (yuan == null || yuan.signum() <= 0 || yuan.compareTo(MAX) > 0) {
            throw new DomainException("error.tariff.price.range", MAX.toPlainString());
        }
        if (yuan.stripTrailingZeros().scale() > SCALE) {
            throw new DomainException("error.tariff.price.decimals", SCALE);
        }
        yuan = yuan.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    public static PricePerKwh of(String yuan) {
        return new PricePerKwh(new BigDecimal(yuan));
    }

    /** Exact product, unrounded: callers sum several of these and round once. */
    public BigDecimal exactCostOf(BigDecimal kwh) {
        return yuan.multiply(kwh);
    }

    /** Cost of an energy amount, rounded half up to the fen. */
    public Money costOf(Kwh kwh) {
        return Money.rounded(exactCostOf(kwh.value()));
    }

    /**
     * Energy a sum of money buys, rounded down to 0.01 kWh: a customer is never credited energy
     * that was not paid for, and the remainder is at most one hundredth of a kWh's price.
     */
    public Kwh energyFor(Money money) {
        return Kwh.rounded(money.yuan().divide(yuan, Kwh.SCALE, RoundingMode.DOWN), RoundingMode.UNNECESSARY);
    }

    @Override
    public String toString() {
        return yuan.toPlainString();
    }
}
