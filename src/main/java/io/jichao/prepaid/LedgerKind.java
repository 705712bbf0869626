package io.jichao.prepaid;

/** Why money moved. A correction is a new entry (REVERSAL, ADJUSTMENT), never an edit. */
public enum LedgerKind {
    RECHARGE, REFUND, ADJUSTMENT, POSTPAID_SETTLEMENT, REVERSAL
}
