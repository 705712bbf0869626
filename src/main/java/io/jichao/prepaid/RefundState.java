package io.jichao.prepaid;

/** Where a refund request is: waiting for finance, or decided once and for all. */
public enum RefundState {
    REQUESTED, APPROVED, REJECTED
}
