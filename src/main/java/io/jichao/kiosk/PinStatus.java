package io.jichao.kiosk;

import java.time.Instant;

/** Whether a household has a kiosk PIN, and until when it is locked (null = not locked). */
public record PinStatus(long householdId, String room, String householdName, boolean pinSet, Instant lockedUntil) {
}
