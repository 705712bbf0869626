package io.jichao.notify;

/**
 * A message's place in the outbox: QUEUED (waiting for its next attempt) → SENDING (claimed by one
 * dispatcher) → SENT (accepted by the gateway) → DELIVERED (receipt), or FAILED after the last
 * attempt, a failed receipt, or an interrupted send whose outcome is unknown. LOGGED: the
 * development sender ({@code jichao.sms.sender=log}) wrote it to the log; it reached no phone and
 * never counts as delivered.
 */
public enum NotificationState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED, LOGGED
}
