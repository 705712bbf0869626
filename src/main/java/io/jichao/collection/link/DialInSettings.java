package io.jichao.collection.link;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How dial-in (TCP-client mode) collectors announce themselves.
 *
 * @param registration        matched against the start of the first bytes; group {@code id} names the
 *                            collector's registration ID, group {@code port} the serial port number
 * @param registrationTimeout a connection that has not registered by then is closed
 * @param heartbeat           the idle packet the unit sends; dropped before the frame decoder
 * @param idleTimeout         a connection silent for this long is closed (≈ 3 × the heartbeat interval)
 */
public record DialInSettings(Pattern registration, Duration registrationTimeout, String heartbeat,
                             Duration idleTimeout) {

    /**
     * The common registration forms: {@code <id>:<port>} and {@code <id>-P<port>}, each with an
     * optional letters-only prefix ending in a colon, port 1-8. {@code DH600-D:1} → id {@code DH600-D},
     * port 1; {@code LOGIN:PEERD-P1} → {@code PEERD}, 1; {@code PEERD-P2} → {@code PEERD}, 2. The ID
     * is printable ASCII without colon or space; the shortest ID that fits wins, so {@code A-P1} is
     * ID {@code A}. A digit right after the port number is no match ({@code X:12}).
     */
    public static final String DEFAULT_REGISTRATION_REGEX =
            "(?:[A-Za-z]{1,16}:)?(?<id>[!-9;-~]{1,40}?)(?::|-P)(?<port>[1-8])(?![0-9])";

    public static final Pattern DEFAULT_REGISTRATION = Pattern.compile(DEFAULT_REGISTRATION_REGEX);

    public DialInSettings {
        if (registration == null || registrationTimeout == null || heartbeat == null || idleTimeout == null) {
            throw new IllegalArgumentException("all dial-in settings are required");
        }
        if (!registration.pattern().contains("?<id>") || !registration.pattern().contains("?<port>")) {
            throw new IllegalArgumentException("the registration pattern needs the groups 'id' and 'port': "
                    + registration.pattern());
        }
    }
}
