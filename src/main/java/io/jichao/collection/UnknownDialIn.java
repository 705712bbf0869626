package io.jichao.collection;

import java.time.Instant;

/**
 * A dial-in connection the engine could not attach to a collector port, as the collectors page
 * lists it: where it came from, what it sent first (hex and printable ASCII), the registration code
 * and port parsed from that if it had the form of a registration, when it came last and how often.
 *
 * @param key            identifies the entry (source host and what it sent) for commissioning it
 * @param registrationId null when the bytes were no registration
 * @param portNumber     null when the bytes were no registration
 */
public record UnknownDialIn(String key, String sourceHost, int sourcePort, String hex, String text,
                            String registrationId, Integer portNumber, Instant lastSeen, int count) {
}
