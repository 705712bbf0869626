package io.jichao.kiosk;

import java.time.Instant;

/**
 * A household identified at a kiosk (room + PIN) or through a phone link: the only household the
 * kiosk services serve for this session. Created only by {@link KioskSignIn} and {@link PhoneLinks}.
 *
 * @param validUntil for a phone link, when it stops opening the view; null at the kiosk (idle timeout there)
 */
public record Resident(long householdId, long deviceId, long buildingId, String room, String name,
                       Instant validUntil) {
}
