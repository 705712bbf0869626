package io.jichao.collection.link;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jichao.collection.codec.Dlt645FrameDecoder;
import io.jichao.collection.codec.Dlt645FrameEncoder;
import io.jichao.collection.codec.FrameDecodeStatistics;
import io.jichao.collection.codec.ModbusRtuDecoder;
import io.jichao.collection.codec.ModbusRtuEncoder;
import io.jichao.protocol.modbus.ModbusRtuParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;

/**
 * One serial port of a collector as the engine sees it: a {@link BusLink} confined to one Netty
 * event loop, and whichever TCP connection currently carries the port. The link outlives its
 * connections (a collector reboots, a dial-in unit reconnects), so the queue, the counters and
 * the decoder statistics do too.
 */
public final class PortLink {

    private static final Logger log = LoggerFactory.getLogger(PortLink.class);
    private static final String DECODER = "decoder";

    private final PortKey key;
    private final LinkProtocol protocol;
    private final EventLoop loop;
    private final BusLink bus;
    private final PortCounters counters = new PortCounters();
    private final FrameDecodeStatistics decodeStatistics = new FrameDecodeStatistics();
    private final LinkObserver observer;
    private volatile Channel channel;
    /** Set once the port left the topology: no connection is taken on any more. */
    private volatile boolean retired;

    public PortLink(PortKey key, LinkProtocol protocol, LinkSettings settings, EventLoop loop, Executor completions) {
        this(key, protocol, settings, loop, completions, LinkObserver.NONE);
    }

    public PortLink(PortKey key, LinkProtocol protocol, LinkSettings settings, EventLoop loop, Executor completions,
                    LinkObserver observer) {
        this.key = key;
        this.protocol = protocol;
        this.loop = loop;
        this.observer = observer;
        this.bus = new BusLink(settings, this::schedule, completions, counters);
    }

    public PortKey key() {
        return key;
    }

    public EventLoop loop() {
        return loop;
    }

    public boolean connected() {
        return channel != null;
    }

    public PortCounters counters() {
        return counters;
    }

    public FrameDecodeStatistics decodeStatistics() {
        return decodeStatistics;
    }

    /** Queues a request on this bus; safe from any thread. */
    public CompletableFuture<ExchangeOutcome> exchange(BusRequest request, Priority priority) {
        CompletableFuture<ExchangeOutcome> result = new CompletableFuture<>();
        loop.execute(() -> bus.submit(request, priority).whenComplete((outcome, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(outcome);
            }
        }));
        return result;
    }

    /**
     * Builds the pipeline of a connection that carries this port, in this order:
     * byte counter (raw traffic, both directions) → framing decoder (bytes to frames, corruption
     * counted in the port's statistics) → encoder (frames to bytes, outbound) → link handler
     * (frames to the bus state machine). Whatever precedes it (dial-in registration, heartbeat
     * filter) is added by the caller in front.
     */
    public void initPipeline(ChannelPipeline pipeline) {
        pipeline.addLast("bytes", new ByteCountingHandler(counters));
        switch (protocol) {
            case DLT645 -> pipeline.addLast(DECODER, new Dlt645FrameDecoder(4096, decodeStatistics))
                    .addLast("encoder", Dlt645FrameEncoder.forMaster());
            case MODBUS -> pipeline.addLast(DECODER,
                            new ModbusRtuDecoder(ModbusRtuParser.forResponses(), 4096, decodeStatistics))
                    .addLast("encoder", new ModbusRtuEncoder());
        }
        pipeline.addLast("link", new LinkHandler(this));
    }

    /** Makes {@code newChannel} the port's connection; a previous one is closed (a reconnect replaces it). */
    public void attach(Channel newChannel) {
        loop.execute(() -> {
            Channel previous = channel;
            if (previous == newChannel || !newChannel.isActive()) {
                return;
            }
            if (retired) {
                newChannel.close();
                return;
            }
            if (previous != null) {
                bus.disconnected("replaced by a new connection");
                previous.close();
            }
            channel = newChannel;
            bus.connected(message -> newChannel.writeAndFlush(message)
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE));
            log.info("{} connected ({})", key, newChannel.remoteAddress());
            observer.connected(key);
        });
    }

    void received(Channel from, Object message) {
        loop.execute(() -> {
            if (from == channel) {
                bus.received(message);
            }
        });
    }

    void closed(Channel closedChannel) {
        loop.execute(() -> {
            if (closedChannel == channel) {
                channel = null;
                bus.disconnected("connection closed");
                log.info("{} disconnected", key);
                observer.disconnected(key);
            }
        });
    }

    /** Closes the current connection, failing whatever waits on it. */
    public void close() {
        Channel current = channel;
        if (current != null) {
            current.close();
        }
    }

    /**
     * Drops the connection once the exchange in flight is over (queued and later requests fail as
     * link-down meanwhile); the port's connector or the dial-in unit then opens a new one. The
     * future completes when the connection is closed (at once when there was none).
     */
    public CompletableFuture<Void> reconnect(String reason) {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            Channel current = channel;
            if (current == null) {
                bus.drain(reason, () -> { });
                closed.complete(null);
                return;
            }
            // Completes however the connection ends: closed here, or dropped by the far end meanwhile.
            current.closeFuture().addListener(done -> closed.complete(null));
            bus.drain(reason, () -> {
                log.info("{}: closing the connection ({})", key, reason);
                current.close();
            });
        });
        return closed;
    }

    /**
     * Takes the port out of service for good: like {@link #reconnect} (the exchange in flight
     * finishes, the rest fails as link-down), and no connection is taken on afterwards.
     */
    public CompletableFuture<Void> retire(String reason) {
        retired = true;
        return reconnect(reason);
    }

    private LinkTimers.Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
