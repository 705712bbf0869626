package io.jichao.kiosk;

import java.time.Instant;

/** A kiosk device on the admin page; the token is never part of it. */
public record KioskDeviceRow(long id, long buildingId, String buildingLabel, String name, String issuedBy,
                             Instant issuedAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
