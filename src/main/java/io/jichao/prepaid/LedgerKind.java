package io.jichao.prepaid;

import java.util.Set;

/**
 * Why money moved. A correction is a new entry (REVERSAL, ADJUSTMENT), never an edit.
 * EMERGENCY_CREDIT (money 0, +kWh) is an emergency credit taken; EMERGENCY_REPAYMENT (money 0, −kWh)
 * the part of a paid recharge that repaid it; EMERGENCY_REINSTATED (money 0, +kWh) undoes a repayment
 * when its recharge is cancelled. Their kWh sum is what the household owes. HOST_DEBIT (−money, 0 kWh) is
 * the energy a host-side prepaid meter used, priced by the host ({@link HostDebitService}).
 */
public enum LedgerKind {
    RECHARGE, REFUND, ADJUSTMENT, POSTPAID_SETTLEMENT, REVERSAL,
    EMERGENCY_CREDIT, EMERGENCY_REPAYMENT, EMERGENCY_REINSTATED, HOST_DEBIT;

    /** Entries that together are the energy bought: recharges net of their reversals. */
    static final Set<LedgerKind> PURCHASES = Set.of(RECHARGE, REVERSAL);

    /** Entries that together are the emergency credit still owed. */
    static final Set<LedgerKind> EMERGENCY_OWED = Set.of(EMERGENCY_CREDIT, EMERGENCY_REPAYMENT, EMERGENCY_REINSTATED);
}
