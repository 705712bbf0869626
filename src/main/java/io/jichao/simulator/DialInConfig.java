package io.jichao.simulator;

import java.time.Duration;

/**
 * Where a CLIENT-mode collector dials in, and how it announces itself. On every connection it
 * first sends the ASCII registration packet {@code registration + ":" + portNumber} (e.g.
 * {@code DH600-D:1}), then the ASCII {@code heartbeat} whenever it has written nothing for
 * {@code heartbeatInterval}. Neither carries a line ending.
 */
public record DialInConfig(String host, int port, String registration, String heartbeat,
                           Duration heartbeatInterval) {

    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(30);

    public DialInConfig {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("dial-in needs a host and a port 1..65535");
        }
        if (registration == null || registration.isEmpty() || heartbeat == null || heartbeat.isEmpty()) {
            throw new IllegalArgumentException("dial-in needs a registration and a heartbeat string");
        }
        if (heartbeatInterval == null || heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive");
        }
    }

    public static DialInConfig of(String host, int port, String registration) {
        return new DialInConfig(host, port, registration, "HB", DEFAULT_HEARTBEAT_INTERVAL);
    }

    public DialInConfig withHeartbeat(String newHeartbeat, Duration interval) {
        return new DialInConfig(host, port, registration, newHeartbeat, interval);
    }

    /** The registration packet of one serial port's connection. */
    public String registrationFor(int portNumber) {
        return registration + ":" + portNumber;
    }
}
