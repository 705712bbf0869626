package io.jichao.simulator;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * One RS-485 bus behind a collector port: half-duplex, one exchange at a time, with real
 * transfer times. An exchange is: the request's bytes travel (bytes × bits per byte / baud), the
 * meter waits its response delay (plus any slow-meter fault), the answer's bytes travel back;
 * only then is the bus free. Everything runs on one event loop with {@code schedule}, never
 * sleeping.
 *
 * <p>A request arriving while the bus is busy waits in the collector's transmit buffer (up to 8
 * frames, in arrival order) and goes out when the bus is free, as a DH600's serial buffer does;
 * beyond that it is dropped and counted. Answers go to every TCP connection of the port, as a
 * transparent converter forwards whatever it hears on the bus.
 */
public final class SimulatedBus {

    static final int TRANSMIT_QUEUE_LIMIT = 8;
    private static final int MAX_GARBAGE_BYTES = 16;

    private final String collectorId;
    private final PortConfig config;
    private final List<? extends BusDevice> devices;
    private final BusResponder responder;
    private final EventExecutor executor;
    private final RandomGenerator random;
    private final BusFaults faults = new BusFaults();
    private final ChannelGroup connections;
    private final Deque<Object> transmitQueue = new ArrayDeque<>();
    private boolean busy;
    private volatile boolean online;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong silent = new AtomicLong();
    private final AtomicLong answers = new AtomicLong();
    private final AtomicLong corruptedAnswers = new AtomicLong();
    private final AtomicLong garbageBursts = new AtomicLong();

    SimulatedBus(String collectorId, PortConfig config, List<? extends BusDevice> devices, BusResponder responder,
                 EventExecutor executor, long seed) {
        this.collectorId = collectorId;
        this.config = config;
        this.devices = List.copyOf(devices);
        this.responder = responder;
        this.executor = executor;
        this.random = new SplittableRandom(seed);
        this.connections = new DefaultChannelGroup(collectorId + "/" + config.number(), GlobalEventExecutor.INSTANCE);
    }

    public String collectorId() {
        return collectorId;
    }

    public PortConfig config() {
        return config;
    }

    public List<? extends BusDevice> devices() {
        return devices;
    }

    public BusFaults faults() {
        return faults;
    }

    public BusStatistics statistics() {
        return new BusStatistics(requests.get(), dropped.get(), silent.get(), answers.get(), corruptedAnswers.get(),
                garbageBursts.get());
    }

    /** TCP connections currently attached to this port. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Adds a connection, unless the collector is down: a connection accepted just before a reboot
     * can become active just after it, and must not survive it.
     */
    void attach(Channel channel) {
        connections.add(channel);
        if (!online) {
            channel.close();
        }
    }

    void goOnline() {
        online = true;
    }

    /** Drops every TCP connection and forgets queued requests (collector reboot or stop). */
    void goOffline() {
        online = false;
        connections.close();
        executor.execute(transmitQueue::clear);
    }

    /** Hands a decoded request to the bus; safe from any thread. */
    void receive(Object request) {
        executor.execute(() -> accept(request));
    }

    private void accept(Object request) {
        requests.incrementAndGet();
        if (faults.shorted()) {
            dropped.incrementAndGet();
            return;
        }
        if (!busy) {
            transmit(request);
        } else if (transmitQueue.size() < TRANSMIT_QUEUE_LIMIT) {
            transmitQueue.addLast(request);
        } else {
            dropped.incrementAndGet();
        }
    }

    private void transmit(Object request) {
        busy = true;
        long requestNanos = transferNanos(responder.requestWireLength(request));
        executor.schedule(() -> meterHeard(request), requestNanos, TimeUnit.NANOSECONDS);
    }

    private void meterHeard(Object request) {
        if (faults.shorted()) {
            dropped.incrementAndGet();
            finish();
            return;
        }
        BusResponder.Reply reply = responder.respond(request).orElse(null);
        if (reply == null) {
            silent.incrementAndGet();
            finish();
            return;
        }
        long delay = config.responseDelay().plus(reply.extraDelay()).toNanos();
        executor.schedule(() -> answer(reply.answer()), delay, TimeUnit.NANOSECONDS);
    }

    private void answer(Object answer) {
        byte[] wire = responder.encode(answer, random);
        if (random.nextDouble() < faults.checksumErrorRate()) {
            responder.corruptChecksum(wire);
            corruptedAnswers.incrementAndGet();
        }
        byte[] noisy = addGarbage(wire);
        executor.schedule(() -> deliver(noisy), transferNanos(noisy.length), TimeUnit.NANOSECONDS);
    }

    private byte[] addGarbage(byte[] wire) {
        return switch (faults.garbage()) {
            case NONE -> wire;
            case INSTEAD_OF_ANSWERS -> {
                garbageBursts.incrementAndGet();
                yield randomBytes(wire.length);
            }
            case BEFORE_ANSWERS -> {
                garbageBursts.incrementAndGet();
                byte[] noise = randomBytes(1 + random.nextInt(MAX_GARBAGE_BYTES));
                byte[] combined = new byte[noise.length + wire.length];
                System.arraycopy(noise, 0, combined, 0, noise.length);
                System.arraycopy(wire, 0, combined, noise.length, wire.length);
                yield combined;
            }
        };
    }

    /** Random bytes without {@code 68}, so noise in front of a DL/T 645 answer cannot fake a frame start. */
    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            int value;
            do {
                value = random.nextInt(256);
            } while (value == 0x68);
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private void deliver(byte[] wire) {
        if (faults.shorted()) {
            dropped.incrementAndGet();
        } else {
            connections.writeAndFlush(Unpooled.wrappedBuffer(wire));
            answers.incrementAndGet();
        }
        finish();
    }

    private void finish() {
        busy = false;
        Object next = transmitQueue.pollFirst();
        if (next != null) {
            transmit(next);
        }
    }

    private long transferNanos(int bytes) {
        return bytes * (long) config.parity().bitsPerByte() * 1_000_000_000L / config.baud();
    }
}
