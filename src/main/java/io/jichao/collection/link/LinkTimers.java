package io.jichao.collection.link;

import java.time.Duration;

/** Schedules work on the thread that owns a {@link BusLink}; Netty's event loop in production. */
public interface LinkTimers {

    Cancellable schedule(Duration delay, Runnable task);

    interface Cancellable {
        void cancel();
    }
}
