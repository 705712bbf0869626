package io.jichao.kiosk;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A registered kiosk terminal of one building; a revoked device never opens a kiosk again. */
@Entity
class KioskDevice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long buildingId;

    private String name;

    private String tokenHash;

    private String issuedBy;

    private Instant issuedAt;

    private String revokedBy;

    private Instant revokedAt;

    private int failedPins;

    private Instant lockedUntil;

    @Version
    private long version;

    protected KioskDevice() {
    }

    KioskDevice(long buildingId, String name, String tokenHash, String issuedBy, Instant issuedAt) {
        this.buildingId = buildingId;
        this.name = name;
        this.tokenHash = tokenHash;
        this.issuedBy = issuedBy;
        this.issuedAt = issuedAt;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    void revoke(String by, Instant at) {
        if (revokedAt == null) {
            revokedBy = by;
            revokedAt = at;
        }
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong PIN typed on this device; after {@code max} in a row it pauses sign-ins. */
    void recordFailedPin(Instant now, int max, Duration lockout) {
        failedPins++;
        if (failedPins >= max) {
            lockedUntil = now.plus(lockout);
            failedPins = 0;
        }
    }

    void recordSignIn() {
        failedPins = 0;
        lockedUntil = null;
    }

    Long getId() {
        return id;
    }

    long getBuildingId() {
        return buildingId;
    }

    String getName() {
        return name;
    }

    String getIssuedBy() {
        return issuedBy;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    Instant getRevokedAt() {
        return revokedAt;
    }

    Instant getLockedUntil() {
        return lockedUntil;
    }
}
