package io.jichao.kiosk;

/**
 * A newly registered kiosk with its token, handed out exactly once.
 *
 * @param path the path to open on the kiosk once ({@code /kiosk?device=<token>}); it stores the
 *             token as a cookie and drops it from the address
 */
public record IssuedKiosk(long deviceId, String token, String path) {
}
