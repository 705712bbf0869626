package io.jichao.kiosk;

import java.time.Instant;

/** What a kiosk sign-in attempt gives; wrong room and wrong PIN read the same to the resident. */
public sealed interface SignInResult {

    record SignedIn(Resident resident) implements SignInResult {
    }

    /** Room or PIN wrong, or no PIN set: the resident learns nothing about which. */
    record WrongPin() implements SignInResult {
    }

    /** The household is locked after repeated wrong PINs. */
    record HouseholdLocked(Instant until) implements SignInResult {
    }

    /** The kiosk pauses sign-ins after repeated wrong PINs on it, whatever the room. */
    record KioskLocked(Instant until) implements SignInResult {
    }

    /** The kiosk's registration was revoked meanwhile. */
    record KioskRevoked() implements SignInResult {
    }
}
