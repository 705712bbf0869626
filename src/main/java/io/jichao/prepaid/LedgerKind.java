package io.jichao.prepaid;

import java.util.Set;

/** Why money moved. A correction is a new entry (REVERSAL, ADJUSTMENT), never an edit. */
public enum LedgerKind {
    RECHARGE, REFUND, ADJUSTMENT, POSTPAID_SETTLEMENT, REVERSAL;

    /** Entries that together are the energy bought: recharges net of their reversals. */
    static final Set<LedgerKind> PURCHASES = Set.of(RECHARGE, REVERSAL);
}
