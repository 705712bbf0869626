package io.jichao.kiosk;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Wrong kiosk PINs of one household in a row, and until when the household is locked. */
@Entity
@Table(name = "kiosk_pin_lock")
class PinLock {

    @Id
    private Long householdId;

    private int failedAttempts;

    private Instant lockedUntil;

    @Version
    private long version;

    protected PinLock() {
    }

    PinLock(long householdId) {
        this.householdId = householdId;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong PIN; the {@code max}-th in a row locks the household for {@code lockout}. */
    void recordFailure(Instant now, int max, Duration lockout) {
        failedAttempts++;
        if (failedAttempts >= max) {
            lockedUntil = now.plus(lockout);
            failedAttempts = 0;
        }
    }

    void clear() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    int getFailedAttempts() {
        return failedAttempts;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
