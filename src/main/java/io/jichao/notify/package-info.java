/**
 * SMS notifications (R11): an outbox in the database ({@code notification}) that other features
 * fill through {@link io.jichao.notify.NotificationService} (a household's numbers, or a building's
 * ordered manager contacts with escalation), and a ShedLock-guarded job that claims due rows
 * atomically and hands them to one {@link io.jichao.notify.SmsSender} (log, SMPP 3.4 or an HTTP
 * gateway), with retry and back-off, a per-number rate limit, de-duplication, quiet hours and
 * stored delivery receipts. Depends on archive data (by SQL), security, audit and shared only.
 */
package io.jichao.notify;
