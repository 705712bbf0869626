package io.jichao.notify;

/**
 * A message's place in the outbox: QUEUED (waiting for its next attempt) → SENDING (claimed by one
 * dispatcher) → SENT (accepted by the gateway) → DELIVERED (receipt), or FAILED after the last
 * attempt, a failed receipt, or an interrupted send whose outcome is unknown.
 */
public enum NotificationState {
    QUEUED, SENDING, SENT, DELIVERED, FAILED
}
