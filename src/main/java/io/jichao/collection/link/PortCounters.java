package io.jichao.collection.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Traffic of one serial port since the engine started. Written on the port's event loop, read
 * by monitoring from any thread. Every exchange asked for ends up in exactly one of: not sent (the
 * link was down before it could go out) or sent; a sent one is then answered, refused, timed out
 * (after its retries) or lost with the connection.
 */
public final class PortCounters {

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong notSent = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong linkDown = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();

    /** Exchanges that went out on the bus (counted once, retries are {@link #attempts()}). */
    public long sent() {
        return sent.get();
    }

    /** Exchanges that failed because the link was down before they could go out: never on the bus. */
    public long notSent() {
        return notSent.get();
    }

    /** Abnormal answers: the meter spoke but refused (DL/T 645 error answer, Modbus exception). */
    public long refused() {
        return refused.get();
    }

    /** Frames sent, retries included. */
    public long attempts() {
        return attempts.get();
    }

    /** Matching normal answers. */
    public long answers() {
        return answers.get();
    }

    /** Attempts that ran out of time. */
    public long timeouts() {
        return timeouts.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Decoded frames that answered nothing in flight (late, foreign or unsolicited): ignored. */
    public long unmatched() {
        return unmatched.get();
    }

    /** Exchanges failed because the connection was missing or dropped, sent or not. */
    public long linkDown() {
        return linkDown.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    void firstSent() {
        sent.incrementAndGet();
    }

    void refusal() {
        refused.incrementAndGet();
    }

    void notSentLinkDown() {
        notSent.incrementAndGet();
        linkDown.incrementAndGet();
    }

    void attempt() {
        attempts.incrementAndGet();
    }

    void answer() {
        answers.incrementAndGet();
    }

    void timeout() {
        timeouts.incrementAndGet();
    }

    void retry() {
        retries.incrementAndGet();
    }

    void unmatchedAnswer() {
        unmatched.incrementAndGet();
    }

    void linkDownFailure() {
        linkDown.incrementAndGet();
    }

    void received(int bytes) {
        bytesIn.addAndGet(bytes);
    }

    void sent(int bytes) {
        bytesOut.addAndGet(bytes);
    }
}
