package io.jichao.prepaid;

import io.jichao.shared.DomainException;

/** How a recharge was paid. An online payment needs its reference so finance can reconcile it. */
public record Payment(PaymentMethod method, String reference) {

    public static final int MAX_REFERENCE = 64;

    public Payment {
        if (method == null) {
            throw new DomainException("error.required", "paymentMethod");
        }
        reference = reference == null || reference.isBlank() ? null : reference.strip();
        if (method == PaymentMethod.ONLINE && reference == null) {
            throw new DomainException("error.recharge.reference.required");
        }
        if (reference != null && reference.length() > MAX_REFERENCE) {
            throw new DomainException("error.recharge.reference.length", MAX_REFERENCE);
        }
    }

    public static Payment cash() {
        return new Payment(PaymentMethod.CASH, null);
    }
}
