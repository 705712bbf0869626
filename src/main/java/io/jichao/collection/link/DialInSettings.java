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

    /** {@code <registration ID>:<port 1-8>}, the form the DH600 simulator sends, e.g. {@code DH600-D:1}. */
    public static final Pattern DEFAULT_REGISTRATION = Pattern.compile("(?<id>[!-9;-~]{1,40}):(?<port>[1-8])");

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
