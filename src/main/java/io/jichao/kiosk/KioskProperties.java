package io.jichao.kiosk;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxFailedPins       wrong PINs in a row for one household before it is locked
 * @param pinLockout          how long a household stays locked
 * @param deviceMaxFailedPins wrong PINs in a row on one kiosk (any room) before the kiosk pauses sign-ins
 * @param deviceLockout       how long the kiosk pauses sign-ins
 * @param idleTimeout         inactivity after which the kiosk returns to its start screen
 * @param phoneLinkValidity   how long a phone link (QR code) opens the resident's view
 * @param phoneLinkSecret     HMAC key of phone links; blank = a random key per process (links die at restart)
 * @param deviceCookieMaxAge  lifetime of the device cookie a registered kiosk keeps
 * @param publicUrl           how phones reach the application (e.g. {@code https://jichao.example.com}) for the
 *                            QR code; blank = the scheme, host and port the kiosk's own request used
 */
@ConfigurationProperties("jichao.kiosk")
public record KioskProperties(
        @DefaultValue("5") int maxFailedPins,
        @DefaultValue("15m") Duration pinLockout,
        @DefaultValue("20") int deviceMaxFailedPins,
        @DefaultValue("10m") Duration deviceLockout,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10m") Duration phoneLinkValidity,
        @DefaultValue("") String phoneLinkSecret,
        @DefaultValue("3650d") Duration deviceCookieMaxAge,
        @DefaultValue("") String publicUrl) {
}
