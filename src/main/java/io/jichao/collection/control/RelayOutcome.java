package io.jichao.collection.control;

/**
 * What the read-back after a relay command showed. {@code observedOpen} and {@code keepPower} are
 * status word 3 bits 4 and 12 at the last read-back, null when it could not be read.
 *
 * @param verdict  VERIFIED: the meter is where it was asked to be; MISMATCH: it answered but is
 *                 not; UNREACHABLE: its state could not be read
 * @param attempts how many times the command was sent
 * @param detail   what happened, in words for the audit and the page
 */
public record RelayOutcome(RelayCommand command, boolean expectedOpen, Boolean observedOpen, Boolean keepPower,
                           int attempts, Verdict verdict, String detail) {

    public enum Verdict { VERIFIED, MISMATCH, UNREACHABLE }

    public boolean verified() {
        return verdict == Verdict.VERIFIED;
    }
}
