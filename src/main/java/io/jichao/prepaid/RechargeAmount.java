package io.jichao.prepaid;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/** What the clerk typed: a sum of money to spend, or an amount of energy to buy. */
public sealed interface RechargeAmount {

    record OfMoney(Money money) implements RechargeAmount {
    }

    record OfEnergy(Kwh energy) implements RechargeAmount {
    }

    static RechargeAmount of(Money money) {
        return new OfMoney(money);
    }

    static RechargeAmount of(Kwh energy) {
        return new OfEnergy(energy);
    }
}
