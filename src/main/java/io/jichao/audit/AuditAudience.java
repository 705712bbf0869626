package io.jichao.audit;

/**
 * Who is reading the audit trail, answered by the security feature (which depends on this one,
 * so this feature cannot ask it directly). The audit table has no district or building column,
 * so reading is scoped by role only.
 */
public interface AuditAudience {

    enum Reach {
        /** Every action (the super admin). */
        ALL,
        /** Only {@link MoneyActions} (finance). */
        MONEY
    }

    /** What the acting operator may read; refuses with a readable message when nothing. */
    Reach reach();
}
