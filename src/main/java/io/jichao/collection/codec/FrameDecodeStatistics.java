package io.jichao.collection.codec;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a stream decoder had to throw away. Thread-safe, so one instance can collect the counts of
 * every channel of a collector port and be read by monitoring from any thread.
 */
public final class FrameDecodeStatistics {

    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong corruptions = new AtomicLong();
    private final AtomicLong discardedBytes = new AtomicLong();
    private final AtomicLong overflows = new AtomicLong();

    /** Frames decoded and passed on. */
    public long frames() {
        return frames.get();
    }

    /** Corrupt frames and runs of noise skipped (checksum, header, length, unknown function). */
    public long corruptions() {
        return corruptions.get();
    }

    /** Bytes dropped because they were corrupt, noise or in an overflowing buffer (not filler). */
    public long discardedBytes() {
        return discardedBytes.get();
    }

    /** Times the buffer went over its limit and was emptied. */
    public long overflows() {
        return overflows.get();
    }

    void frameDecoded() {
        frames.incrementAndGet();
    }

    void corruption(int skippedBytes) {
        corruptions.incrementAndGet();
        discardedBytes.addAndGet(skippedBytes);
    }

    void overflow(int droppedBytes) {
        overflows.incrementAndGet();
        discardedBytes.addAndGet(droppedBytes);
    }
}
