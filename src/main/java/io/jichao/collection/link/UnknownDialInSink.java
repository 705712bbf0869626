package io.jichao.collection.link;

import java.net.InetSocketAddress;

/**
 * Told about every dial-in connection the listener could not attach to a known port: bytes that are
 * no registration, a registration naming no known collector port, or bytes without a complete
 * registration when the registration time ran out. Called on the event loop: must not block.
 */
@FunctionalInterface
public interface UnknownDialInSink {

    /**
     * @param source         the remote address of the connection
     * @param firstBytes     what arrived first (at most the registration window, 64 bytes)
     * @param registrationId the registration code parsed from the bytes, or null when they did not match
     * @param portNumber     the port number parsed with it, or null
     */
    void unknown(InetSocketAddress source, byte[] firstBytes, String registrationId, Integer portNumber);

    UnknownDialInSink IGNORE = (source, firstBytes, registrationId, portNumber) -> { };
}
