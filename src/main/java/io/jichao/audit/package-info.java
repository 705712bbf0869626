/**
 * The audit trail (R2): who did what, when, to what, and with which result. Append-only;
 * callers pass the acting operator's name so this feature depends on no other.
 */
package io.jichao.audit;
