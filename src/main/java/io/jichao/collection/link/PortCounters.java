package io.jichao.collection.link;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Traffic of one serial port since the engine started. Written on the port's event loop, read
 * by monitoring from any thread.
 */
public final class PortCounters {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong unmatched = new AtomicLong();
    private final AtomicLong linkDown = new AtomicLong();
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();

    /** Exchanges asked for. */
    public long requests() {
        return requests.get();
    }

    /** Frames sent, retries included. */
    public long attempts() {
        return attempts.get();
    }

    /** Matching answers, normal or abnormal. */
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

    /** Exchanges failed because the connection was missing or dropped. */
    public long linkDown() {
        return linkDown.get();
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }

    void request() {
        requests.incrementAndGet();
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
