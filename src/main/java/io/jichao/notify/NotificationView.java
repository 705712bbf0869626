package io.jichao.notify;

import java.time.Instant;

/** One outbox message as services hand it out; instants are UTC. */
public record NotificationView(long id, String audience, String phone, String language, String templateKey,
                               String body, String dedupKey, String alertKey, Integer escalationStep, boolean urgent,
                               Long buildingId, Long householdId, NotificationState state, int attempts,
                               Instant nextAttemptAt, String lastError, String messageId, String receipt,
                               Instant createdAt, Instant sentAt, Instant deliveredAt) {
}
