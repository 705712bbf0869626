package io.jichao.collection;

import java.time.Instant;

/**
 * The outcome of a relay command after its read-back (status word 3, bit 4), published as a Spring
 * application event once the command path is done with it: after the first matching read-back, or
 * after the last retry. {@code observedOpen} is null when the relay state could not be read at all.
 *
 * @param command what was asked, e.g. the relay action's name (TRIP, DIRECT_CLOSE, KEEP_POWER...)
 * @param reason why: OPERATOR, ARREARS, OVERLOAD, GENTLE_CUTOFF...
 */
public record RelayReadBack(long meterId, String command, String reason, boolean expectedOpen,
        Boolean observedOpen, int attempts, Instant checkedAt) {

    public boolean matches() {
        return observedOpen != null && observedOpen == expectedOpen;
    }
}
