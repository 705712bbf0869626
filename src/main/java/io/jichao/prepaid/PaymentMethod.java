package io.jichao.prepaid;

import java.util.List;

/**
 * How the household paid; ONLINE payments carry the payment provider's reference. EMERGENCY is no
 * payment: the order of an emergency credit (money 0), repaid by the next paid recharge; a clerk
 * never picks it (see {@link #PAID}).
 */
public enum PaymentMethod {
    CASH, BANK_CARD, TRANSFER, ONLINE, EMERGENCY;

    /** The methods a clerk can take money by. */
    public static final List<PaymentMethod> PAID = List.of(CASH, BANK_CARD, TRANSFER, ONLINE);
}
