package io.jichao.audit;

import java.util.List;

/**
 * The one definition of the audit actions that move money or set its price, the ones finance may
 * read: recharges (placing, preparing, cancelling and every order state the engine records, e.g.
 * {@code RECHARGE_CONFIRMED}), refunds, emergency credit, tariffs, handheld recharge tasks, the
 * daily prepaid reconciliation, the postpaid settlement and the statement batches. Matched by
 * prefix so that a new order state or refund step is covered without touching this list.
 */
public final class MoneyActions {

    /** Action names that start with one of these are money actions. */
    public static final List<String> PREFIXES = List.of("RECHARGE_", "REFUND_", "EMERGENCY_CREDIT_", "TARIFF_",
            "HANDHELD_", "PREPAID_", "POSTPAID_", "STATEMENT_");

    private MoneyActions() {
    }

    public static boolean isMoney(String action) {
        return action != null && PREFIXES.stream().anyMatch(action::startsWith);
    }
}
