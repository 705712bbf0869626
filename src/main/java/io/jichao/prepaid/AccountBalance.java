package io.jichao.prepaid;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/** An account's balance at the moment it was summed; never stored. */
public record AccountBalance(Money money, Kwh energy) {

    public static final AccountBalance EMPTY = new AccountBalance(Money.ZERO, Kwh.ZERO);
}
