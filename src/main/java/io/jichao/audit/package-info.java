/**
 * The audit trail (R2): who did what, when, to what, and with which result. Append-only;
 * callers pass the acting operator's name so this feature depends on no other. {@code AuditLog}
 * reads it for the audit page, asking the {@code AuditAudience} port (answered by security) how
 * far the reader may see: everything (super admin) or the {@code MoneyActions} (finance). The table
 * has no district column, so reading is scoped by role only.
 */
package io.jichao.audit;
