package io.jichao.collection.link;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The master side of one RS-485 bus, without any I/O: one exchange in flight, the rest waiting in
 * a priority queue (OPERATOR before WRITE before CYCLE, first come first served within a
 * priority), a timer per attempt, retries after a timeout, a quiet gap between exchanges, and
 * answers accepted only when they {@link BusRequest#classify match} the request in flight.
 *
 * <p>Not thread-safe on purpose: every method must run on the owner thread (the port's Netty
 * event loop), which makes the state machine free of locks. Futures are completed through
 * {@code completions}, so callers' callbacks never run on that thread.
 */
public final class BusLink {

    /**
     * After an operator's exchange the bus waits this long for the operator's next request before
     * serving a cycle: a "read now" is a series of exchanges, and without the hold every one of them
     * would queue behind the cycle's next request (the reader sends the next only after the answer).
     */
    static final Duration OPERATOR_HOLD = Duration.ofMillis(100);

    /** Where the bus is in its cycle of send, wait, pause. */
    public enum State {
        /** No connection to the collector port: requests fail at once as link-down. */
        DISCONNECTED,
        /** Connected, nothing in flight. */
        IDLE,
        /** A request was sent and its timer runs. */
        AWAITING_ANSWER,
        /** The minimum gap after an exchange (or before a retry) is running. */
        PAUSED
    }

    private final LinkSettings settings;
    private final LinkTimers timers;
    private final Executor completions;
    private final PortCounters counters;
    private final PriorityQueue<Exchange> queue = new PriorityQueue<>();
    private State state = State.DISCONNECTED;
    private LinkTransport transport;
    private Exchange current;
    private LinkTimers.Cancellable timer;
    private long sequence;
    /** Changes on every connect and disconnect, so timers of an older connection do nothing. */
    private long epoch;
    /** True while a pause only waits for the operator's next request (see {@link #OPERATOR_HOLD}). */
    private boolean holdingForOperator;
    /** Set while the bus finishes its exchange in flight before its connection goes (see {@link #drain}). */
    private String drainReason;
    private Runnable afterDrain;

    public BusLink(LinkSettings settings, LinkTimers timers, Executor completions, PortCounters counters) {
        this.settings = settings;
        this.timers = timers;
        this.completions = completions;
        this.counters = counters;
    }

    public State state() {
        return state;
    }

    /** Waiting exchanges, the one in flight not included. */
    public int queued() {
        return queue.size();
    }

    public CompletableFuture<ExchangeOutcome> submit(BusRequest request, Priority priority) {
        CompletableFuture<ExchangeOutcome> result = new CompletableFuture<>();
        if (state == State.DISCONNECTED || drainReason != null) {
            counters.notSentLinkDown();
            complete(result, new ExchangeOutcome.LinkDown(drainReason != null ? drainReason : "not connected"));
            return result;
        }
        queue.add(new Exchange(request, priority, sequence++, result));
        if (priority == Priority.OPERATOR && state == State.PAUSED && holdingForOperator) {
            cancelTimer();
            holdingForOperator = false;
            state = State.IDLE;
        }
        pump();
        return result;
    }

    public void connected(LinkTransport newTransport) {
        epoch++;
        endDrain();
        transport = newTransport;
        cancelTimer();
        holdingForOperator = false;
        state = State.IDLE;
        pump();
    }

    /** Fails the exchange in flight and everything queued: the caller decides what to try again. */
    public void disconnected(String reason) {
        epoch++;
        endDrain();
        transport = null;
        cancelTimer();
        holdingForOperator = false;
        state = State.DISCONNECTED;
        List<Exchange> failed = new ArrayList<>(queue);
        queue.clear();
        if (current != null) {
            failed.add(current);
            current = null;
        }
        for (Exchange exchange : failed) {
            if (exchange.attempts == 0) {
                counters.notSentLinkDown();
            } else {
                counters.linkDownFailure();
            }
            complete(exchange.result, new ExchangeOutcome.LinkDown(reason));
        }
    }

    /**
     * Lets the exchange in flight finish (answer, timeout, retries), fails everything queued and
     * every later request as link-down with {@code reason}, then runs {@code then} on the owner
     * thread: the connection can be closed between two frames, never in the middle of one. Runs
     * {@code then} at once when nothing is in flight. A connect or disconnect ends the drain.
     */
    public void drain(String reason, Runnable then) {
        drainReason = reason;
        List<Exchange> failed = new ArrayList<>(queue);
        queue.clear();
        for (Exchange exchange : failed) {
            counters.notSentLinkDown();
            complete(exchange.result, new ExchangeOutcome.LinkDown(reason));
        }
        if (current == null || state == State.DISCONNECTED) {
            then.run();
        } else {
            afterDrain = then;
        }
    }

    private void endDrain() {
        drainReason = null;
        afterDrain = null;
    }

    /** A decoded frame from the bus. */
    public void received(Object message) {
        if (state != State.AWAITING_ANSWER || current == null) {
            counters.unmatchedAnswer();
            return;
        }
        Optional<ExchangeOutcome> outcome = current.request.classify(message, current.attempts);
        if (outcome.isEmpty()) {
            counters.unmatchedAnswer();
            return;
        }
        if (outcome.get() instanceof ExchangeOutcome.Refused || outcome.get() instanceof ExchangeOutcome.ModbusException) {
            counters.refusal();
        } else {
            counters.answer();
        }
        cancelTimer();
        Exchange done = current;
        current = null;
        complete(done.result, outcome.get());
        pauseAfter(done);
    }

    private void pump() {
        if (state != State.IDLE) {
            return;
        }
        if (current == null) {
            current = queue.poll();
        }
        if (current != null) {
            send(current);
        }
    }

    private void send(Exchange exchange) {
        exchange.attempts++;
        counters.attempt();
        if (exchange.attempts == 1) {
            counters.firstSent();
        }
        state = State.AWAITING_ANSWER;
        long sentIn = epoch;
        if (exchange.request instanceof BusRequest.Broadcast broadcast) {
            // In flight like any request (a disconnect fails it; stray frames count as unmatched),
            // but its timer means "the meters had their time", not "no answer".
            timer = timers.schedule(settings.transferTime(broadcast.wireLength()).plus(broadcast.settle()),
                    () -> settled(exchange, sentIn));
        } else if (exchange.request instanceof BusRequest.Probe probe) {
            timer = timers.schedule(settings.transferTime(probe.wireLength()).plus(probe.timeout()),
                    () -> timedOut(exchange, sentIn));
        } else {
            timer = timers.schedule(settings.attemptTimeout(exchange.request.wireLength()),
                    () -> timedOut(exchange, sentIn));
        }
        transport.send(exchange.request.message());
    }

    private void settled(Exchange exchange, long sentIn) {
        if (sentIn != epoch || exchange != current || state != State.AWAITING_ANSWER) {
            return;
        }
        timer = null;
        current = null;
        complete(exchange.result, new ExchangeOutcome.Sent());
        pauseAfter(exchange);
    }

    private void timedOut(Exchange exchange, long sentIn) {
        if (sentIn != epoch || exchange != current || state != State.AWAITING_ANSWER) {
            return;
        }
        timer = null;
        boolean probe = exchange.request instanceof BusRequest.Probe;
        if (!probe) {
            counters.timeout();
        }
        boolean once = exchange.request instanceof BusRequest.Once;
        if (!probe && !once && exchange.attempts <= settings.retries()) {
            counters.retry();
        } else {
            current = null;
            complete(exchange.result, new ExchangeOutcome.TimedOut(exchange.attempts));
        }
        // The retry (still current) or the next exchange goes out after the gap: a late answer
        // to the timed-out attempt then arrives while nothing waits and is counted as unmatched.
        pauseAfter(exchange);
    }

    private void pauseAfter(Exchange finished) {
        if (afterDrain != null && current == null) {
            Runnable then = afterDrain;
            afterDrain = null;
            cancelTimer();
            state = State.IDLE;
            then.run();
            return;
        }
        boolean operatorMayContinue = current == null && finished.priority == Priority.OPERATOR
                && queue.stream().noneMatch(e -> e.priority == Priority.OPERATOR);
        Duration gap = settings.minimumGap();
        if (operatorMayContinue && gap.compareTo(OPERATOR_HOLD) < 0) {
            holdingForOperator = true;
            pause(OPERATOR_HOLD);
        } else {
            pause(gap);
        }
    }

    private void pause(Duration length) {
        if (length.isZero()) {
            state = State.IDLE;
            pump();
            return;
        }
        state = State.PAUSED;
        long pausedIn = epoch;
        timer = timers.schedule(length, () -> {
            if (pausedIn == epoch && state == State.PAUSED) {
                timer = null;
                holdingForOperator = false;
                state = State.IDLE;
                pump();
            }
        });
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void complete(CompletableFuture<ExchangeOutcome> result, ExchangeOutcome outcome) {
        completions.execute(() -> result.complete(outcome));
    }

    private static final class Exchange implements Comparable<Exchange> {
        private final BusRequest request;
        private final Priority priority;
        private final long order;
        private final CompletableFuture<ExchangeOutcome> result;
        private int attempts;

        private Exchange(BusRequest request, Priority priority, long order, CompletableFuture<ExchangeOutcome> result) {
            this.request = request;
            this.priority = priority;
            this.order = order;
            this.result = result;
        }

        @Override
        public int compareTo(Exchange other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(order, other.order);
        }
    }
}
