package io.jichao.prepaid;

/** How the household paid; ONLINE payments carry the payment provider's reference. */
public enum PaymentMethod {
    CASH, BANK_CARD, TRANSFER, ONLINE
}
