package io.jichao.collection.link;

import java.time.Duration;

/**
 * Timing of one bus.
 *
 * @param answerTimeout how long to wait for the answer after the last request byte has left the
 *                      collector's serial port (DL/T 645 through Ethernet: 2 s, Modbus: 1 s)
 * @param retries       extra attempts after a timeout (not after an abnormal answer: the meter spoke)
 * @param minimumGap    quiet time between two exchanges, so slow meters see the end of the
 *                      previous frame (200 ms on real buses, 0 in tests)
 * @param baudRate      the serial rate, to add the request's transfer time to the timeout
 * @param bitsPerCharacter bits on the wire per character as the port is configured: start bit, data
 *                      bits, parity bit if any, stop bits (11 for 8E1 and 7E2, 10 for 8N1)
 */
public record LinkSettings(Duration answerTimeout, int retries, Duration minimumGap, int baudRate,
                           int bitsPerCharacter) {

    public LinkSettings {
        if (answerTimeout == null || answerTimeout.isNegative() || answerTimeout.isZero()) {
            throw new IllegalArgumentException("answer timeout must be positive: " + answerTimeout);
        }
        if (retries < 0 || retries > 10) {
            throw new IllegalArgumentException("retries must be 0..10: " + retries);
        }
        if (minimumGap == null || minimumGap.isNegative()) {
            throw new IllegalArgumentException("minimum gap must not be negative: " + minimumGap);
        }
        if (baudRate < 300 || bitsPerCharacter < 9 || bitsPerCharacter > 12) {
            throw new IllegalArgumentException("implausible serial settings: " + baudRate + " bps, "
                    + bitsPerCharacter + " bits per character");
        }
    }

    /** Time the collector needs to shift {@code bytes} out onto the bus: bytes × bits per character / baud. */
    public Duration transferTime(int bytes) {
        return Duration.ofNanos(bytes * (long) bitsPerCharacter * 1_000_000_000L / baudRate);
    }

    /** Deadline of one attempt, counted from handing the request to TCP. */
    public Duration attemptTimeout(int requestBytes) {
        return answerTimeout.plus(transferTime(requestBytes));
    }
}
