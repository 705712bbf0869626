package io.jichao.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.DialInServer;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.DialInSettings;
import io.jichao.collection.link.PortDirectory;
import io.jichao.collection.link.LinkSettings;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

/**
 * The collection engine: one {@link PortLink} per serial port of every enabled collector, the
 * connections that carry them (outgoing for SERVER-mode units, the dial-in listener for CLIENT
 * ones), reading single meters and whole cycles, and the in-memory health of every meter.
 *
 * <p>Threads: Netty's event loops only move bytes and run the bus state machines; readers block
 * on virtual threads (one per port during a cycle), and exchange results are handed over on a
 * virtual-thread executor, so nothing slow ever runs on an event loop.
 */
public final class CollectionEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CollectionEngine.class);

    /** A meter and the bus it hangs on. */
    public record MeterRoute(PortKey port, MeterDevice meter) {
    }

    private final CollectionProperties properties;
    private final MeterReader reader;
    private final FreezeReader freezes;
    private final Clock clock;
    private final ZoneId meterZone;
    private final CycleTracker cycles;
    private final Map<Long, MeterHealth> health = new ConcurrentHashMap<>();
    private final Map<PortKey, PortCycle> lastPortCycles = new ConcurrentHashMap<>();
    private final UnknownDialIns unknownDialIns;
    private final LinkStates linkStates;
    private volatile Topology topology;

    /**
     * Everything a running engine owns; {@code dialIn} is null when its port could not be bound.
     * The ports, routes and directory in {@code devices} change with the archive (reconcile).
     */
    private record Topology(EventLoopGroup group, ExecutorService completions, EngineTopology devices,
                            DialInServer dialIn) {
    }

    private final MeterCapabilities capabilities;

    public CollectionEngine(CollectionProperties properties, Clock clock, ZoneId meterZone) {
        this(properties, clock, meterZone, new MeterCapabilities(clock, CapabilityProperties.DEFAULT_REPROBE));
    }

    /** An engine whose readers remember what each meter refuses in {@code capabilities}. */
    public CollectionEngine(CollectionProperties properties, Clock clock, ZoneId meterZone,
                            MeterCapabilities capabilities) {
        this.properties = properties;
        this.capabilities = capabilities;
        this.reader = new MeterReader(clock, meterZone, capabilities);
        this.freezes = new FreezeReader(meterZone);
        this.clock = clock;
        this.cycles = new CycleTracker(clock);
        this.meterZone = meterZone;
        this.unknownDialIns = new UnknownDialIns(clock, UnknownDialIns.CAPACITY);
        this.linkStates = new LinkStates(clock);
    }

    public synchronized void start(List<CollectorDevice> collectors) {
        if (topology != null) {
            throw new IllegalStateException("the engine is already running");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
        EngineTopology devices = new EngineTopology(group, completions, this::linkSettings,
                properties.connectTimeout(), linkStates);
        DialInSettings dialInSettings = new DialInSettings(Pattern.compile(properties.registrationPattern()),
                properties.registrationTimeout(), properties.heartbeat(), properties.heartbeatInterval().multipliedBy(3));
        DialInServer dialIn = bindDialIn(group, dialInSettings, devices);
        devices.reconcile(collectors);
        topology = new Topology(group, completions, devices, dialIn);
        log.info("Collection engine started: {} collectors, {} ports, {} meters, dial-in on port {}",
                collectors.size(), devices.portCount(), devices.routes().size(), dialIn == null ? "-" : dialIn.port());
    }

    public synchronized void stop() {
        Topology running = topology;
        if (running == null) {
            return;
        }
        topology = null;
        running.devices().close();
        if (running.dialIn() != null) {
            running.dialIn().close();
        }
        running.group().shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        running.completions().shutdown();
        log.info("Collection engine stopped");
    }

    @Override
    public void close() {
        stop();
    }

    public boolean running() {
        return topology != null;
    }

    public CollectionProperties properties() {
        return properties;
    }

    /** What each meter refuses (see {@link MeterCapabilities}). */
    public MeterCapabilities capabilities() {
        return capabilities;
    }

    /** The dial-in listener's port (useful when configured as 0). */
    public int dialInPort() {
        DialInServer dialIn = runningTopology().dialIn();
        if (dialIn == null) {
            throw new IllegalStateException("the dial-in listener is not bound");
        }
        return dialIn.port();
    }

    /**
     * A taken dial-in port must not stop the SERVER-mode collectors from being read (R9): the
     * listener is then missing, which is logged as an error, and the rest of the engine runs.
     */
    private DialInServer bindDialIn(EventLoopGroup group, DialInSettings settings,
                                    PortDirectory directory) {
        try {
            return DialInServer.bind(group, properties.dialInHost(), properties.dialInPort(), settings, directory,
                    unknownDialIns);
        } catch (RuntimeException bindFailed) {
            log.error("Dial-in listener on {}:{} not started, dial-in collectors cannot connect: {}",
                    properties.dialInHost(), properties.dialInPort(), bindFailed.toString());
            return null;
        }
    }

    /** Dial-ins that could not be attached to a collector port, for commissioning. */
    UnknownDialIns unknownDialIns() {
        return unknownDialIns;
    }

    public Optional<PortLink> link(PortKey key) {
        Topology current = topology;
        return current == null ? Optional.empty() : current.devices().link(key);
    }

    public Optional<MeterRoute> route(long meterId) {
        Topology current = topology;
        return current == null ? Optional.empty() : current.devices().route(meterId);
    }

    /**
     * Brings the running engine in line with the archive's current state (R16): new ports connect,
     * ports with changed settings reconnect with them, removed or disabled ones close after their
     * exchange in flight, meters are routed to their current bus, dial-in registrations follow.
     * Does nothing when the engine is not running. Never blocks on the network.
     */
    public void reconcile(List<CollectorDevice> collectors) {
        Topology current = topology;
        if (current == null) {
            return;
        }
        EngineTopology.Changes changes = current.devices().reconcile(collectors);
        if (changes.any()) {
            log.info("Topology reconciled with the archive: {} ports opened, {} reconnected, {} closed",
                    changes.opened(), changes.reconnected(), changes.closed());
        }
    }

    /**
     * Routes the meters of the archive's current state (added, moved, removed meters) onto the
     * ports the engine already has, without touching connections: a cycle starts with the meters
     * as they are now even if the last reconciliation was a few seconds ago.
     */
    public void refreshMeters(List<CollectorDevice> collectors) {
        runningTopology().devices().refreshRoutes(collectors);
    }

    /**
     * Drops and reopens the connection of one port (a port number) or of every port of the
     * collector (null): the exchange in flight finishes, queued requests fail as link-down.
     * Returns how many ports were reconnected (0: not in the running engine).
     */
    public int reconnect(long collectorId, Integer portNumber, String reason) {
        Topology current = topology;
        if (current == null) {
            return 0;
        }
        return (int) current.devices().collectors().stream().filter(c -> c.id() == collectorId)
                .flatMap(c -> c.ports().stream()).map(PortDevice::portNumber)
                .filter(number -> portNumber == null || number.equals(portNumber))
                .filter(number -> current.devices().reconnect(new PortKey(collectorId, number), reason))
                .count();
    }

    /** The live connection state of the collector's ports; empty when the engine does not serve it. */
    public List<PortLinkState> linkStates(long collectorId) {
        return linkStates.of(collectorId);
    }

    /**
     * Tells {@code listener} of every later change of a port's connection state, on a thread of
     * its own; run the returned handle to stop.
     */
    public Runnable subscribeLinkStates(Consumer<PortLinkState> listener) {
        return linkStates.subscribe(listener);
    }

    /** Ports still "connecting" this long after they were dropped show as disconnected. */
    void expireConnecting(Duration grace) {
        linkStates.expireConnecting(grace);
    }

    /** Reads one meter now, blocking the calling (virtual or request) thread; records its health. */
    public Optional<MeterReadResult> read(long meterId, Set<ReadingItem> items, Priority priority) {
        Topology current = runningTopology();
        Optional<MeterRoute> route = current.devices().route(meterId);
        Optional<PortLink> link = route.flatMap(r -> current.devices().link(r.port()));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        MeterReadResult result = reader.read(link.get(), route.get().meter(), items, priority);
        record(result);
        return Optional.of(result);
    }

    /**
     * One reading cycle over every meter: ports in parallel (one virtual thread each), the meters
     * of a port one after the other through its queue. Each result goes to {@code sink} as soon as
     * it is known. Returns when every port is done.
     */
    public CycleProgress runCycle(Set<ReadingItem> items, Consumer<MeterReadResult> sink) {
        return runCycle(items, sink, null);
    }

    /** A cycle over every meter that also closes gaps; see the full form. */
    public CycleProgress runCycle(Set<ReadingItem> items, Consumer<MeterReadResult> sink,
                                  Consumer<Backfill> backfills) {
        return runCycle(items, CollectorScope.ALL, sink, backfills, progress -> { });
    }

    /**
     * One cycle over the meters of the collectors in {@code scope}, which also closes gaps (R1):
     * when a meter answers again more than {@code gap.threshold} after its previous successful
     * read, its freezes from that gap are read right after the normal read, still at CYCLE
     * priority, and handed to {@code backfills} (null: no back-fill). Meters the engine has not
     * read since it started have no known gap and are not back-filled. Meters that have none of
     * {@code items} (an electricity meter in a water cycle) are not part of the run, and their
     * health is left alone. {@code progress} gets this run's progress at its start, after each
     * meter and at its end (from the port threads).
     */
    public CycleProgress runCycle(Set<ReadingItem> items, CollectorScope scope, Consumer<MeterReadResult> sink,
                                  Consumer<Backfill> backfills, Consumer<CycleProgress> progress) {
        Topology current = runningTopology();
        // Each port's link is taken now: a port removed during the run fails its reads as link-down.
        Map<PortLink, List<MeterDevice>> byPort = new LinkedHashMap<>();
        current.devices().routes().stream().filter(route -> scope.covers(route.port().collectorId())
                        && MeterReader.readsAnything(route.meter(), items))
                .forEach(route -> current.devices().link(route.port()).ifPresent(link ->
                        byPort.computeIfAbsent(link, key -> new ArrayList<>()).add(route.meter())));
        CycleTracker.Run run = cycles.begin(byPort.values().stream().mapToInt(List::size).sum(), progress);
        try (ExecutorService ports = Executors.newVirtualThreadPerTaskExecutor()) {
            byPort.forEach((link, meters) -> ports.submit(() -> {
                PortKey key = link.key();
                int succeeded = 0;
                int complete = 0;
                for (MeterDevice meter : meters) {
                    Instant previousSuccess = health(meter.id()).lastSuccessAt();
                    MeterReadResult result = reader.read(link, meter, items, Priority.CYCLE);
                    record(result);
                    run.meterDone(meter.address(), result);
                    succeeded += result.succeeded() ? 1 : 0;
                    complete += result.succeeded() && !result.partial() ? 1 : 0;
                    sink.accept(result);
                    if (backfills != null && result.succeeded() && previousSuccess != null
                            && Duration.between(previousSuccess, result.readAt())
                                    .compareTo(properties.gap().threshold()) > 0) {
                        backfills.accept(freezes.read(link, meter, previousSuccess, result.readAt(), Priority.CYCLE));
                    }
                }
                lastPortCycles.put(key, new PortCycle(clock.instant(), meters.size(), succeeded, complete));
            }));
        }
        return run.finish();
    }

    /**
     * Reads one meter's freezes between {@code after} and {@code before} now, blocking the calling
     * thread; empty when the meter is not on a running bus.
     */
    public Optional<Backfill> readFreezes(long meterId, Instant after, Instant before, Priority priority) {
        Topology current = runningTopology();
        Optional<MeterRoute> route = current.devices().route(meterId);
        Optional<PortLink> link = route.flatMap(r -> current.devices().link(r.port()));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(freezes.read(link.get(), route.get().meter(), after, before, priority));
    }

    /**
     * Sends broadcast time (C = 08 to 99..99) on every DL/T 645 port, all ports at once, and waits
     * until each bus has been quiet for {@code settle}. The time is the meters' local time (they
     * keep China Standard Time), taken when the request is queued: at WRITE priority it waits at
     * most for the exchange in flight, a few seconds of which the meters' display cannot show.
     * Returns how many ports the broadcast reached (disconnected ports fail at once).
     */
    public int broadcastTime(Duration settle) {
        Topology current = runningTopology();
        List<CompletableFuture<ExchangeOutcome>> sent = new ArrayList<>();
        for (CollectorDevice collector : current.devices().collectors()) {
            for (PortDevice port : collector.ports()) {
                PortLink link = current.devices().link(new PortKey(collector.id(), port.portNumber())).orElse(null);
                if (link != null && port.protocol().isDlt645()) {
                    var frame = Dlt645Commands.broadcastTime(
                            LocalDateTime.now(clock.withZone(meterZone)));
                    sent.add(link.exchange(BusRequest.broadcast(frame, settle),
                            Priority.WRITE));
                }
            }
        }
        return (int) sent.stream().map(CompletableFuture::join)
                .filter(ExchangeOutcome.Sent.class::isInstance).count();
    }

    /** The last finished cycle on this port; empty before the first. */
    public Optional<PortCycle> lastCycle(PortKey port) {
        return Optional.ofNullable(lastPortCycles.get(port));
    }

    public CycleProgress cycleProgress() {
        return cycles.progress();
    }

    /** Takes stored health (meter_status) as the start; what the engine already knows wins. */
    public void restoreHealth(Collection<MeterHealth> stored) {
        stored.forEach(known -> health.putIfAbsent(known.meterId(), known));
    }

    public MeterHealth health(long meterId) {
        return health.getOrDefault(meterId, MeterHealth.never(meterId));
    }

    public EngineStatus status() {
        Topology current = topology;
        if (current == null) {
            return new EngineStatus(false, List.of(), cycles.progress());
        }
        List<EngineStatus.CollectorStatus> collectors = new ArrayList<>();
        for (CollectorDevice collector : current.devices().collectors()) {
            List<EngineStatus.PortStatus> ports = collector.ports().stream()
                    .flatMap(port -> current.devices().link(new PortKey(collector.id(), port.portNumber())).stream())
                    .map(CollectionEngine::portStatus)
                    .toList();
            collectors.add(new EngineStatus.CollectorStatus(collector.id(), collector.name(),
                    ports.stream().anyMatch(EngineStatus.PortStatus::connected), ports));
        }
        return new EngineStatus(true, collectors, cycles.progress());
    }

    private static EngineStatus.PortStatus portStatus(PortLink link) {
        var counters = link.counters();
        return new EngineStatus.PortStatus(link.key().portNumber(), link.connected(), counters.sent(),
                counters.answers(), counters.refused(), counters.timeouts(), counters.retries(), counters.unmatched(),
                counters.notSent(), counters.linkDown(), link.decodeStatistics().corruptions(), counters.bytesIn(),
                counters.bytesOut());
    }

    private void record(MeterReadResult result) {
        health.compute(result.meterId(), (id, previous) ->
                (previous == null ? MeterHealth.never(id) : previous).after(result));
    }

    private Topology runningTopology() {
        Topology current = topology;
        if (current == null) {
            throw new IllegalStateException("the collection engine is not running");
        }
        return current;
    }

    private LinkSettings linkSettings(PortDevice port) {
        boolean modbus = port.protocol() == MeterProtocol.MODBUS_RTU;
        return new LinkSettings(properties.answerTimeout(modbus), properties.retries(), properties.minimumGap(),
                port.baudRate(), port.bitsPerCharacter());
    }
}
