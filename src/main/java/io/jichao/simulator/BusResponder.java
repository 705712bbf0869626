package io.jichao.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** The protocol-specific part of a bus: who answers a request, and how answers look on the wire. */
sealed interface BusResponder permits Dlt645BusResponder, ModbusBusResponder {

    /** An answer and the answering meter's extra delay (a slow-meter fault). */
    record Reply(Object answer, Duration extraDelay) {
    }

    /** Called once the request has fully arrived on the bus; empty means silence. */
    Optional<Reply> respond(Object request);

    /** Bytes the request occupies on the bus. */
    int requestWireLength(Object request);

    /** The answer's wire bytes, filler included. */
    byte[] encode(Object answer, RandomGenerator random);

    /** Spoils the checksum of encoded wire bytes in place. */
    void corruptChecksum(byte[] wire);
}
