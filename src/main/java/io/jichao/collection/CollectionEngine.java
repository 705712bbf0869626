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

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.DialInServer;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.DialInSettings;
import io.jichao.collection.link.PortDirectory;
import io.jichao.collection.link.LinkProtocol;
import io.jichao.collection.link.LinkSettings;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.collection.link.ServerPortConnector;
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
    private volatile Topology topology;

    /** Everything a running engine owns; {@code dialIn} is null when its port could not be bound. */
    private record Topology(EventLoopGroup group, ExecutorService completions, Map<PortKey, PortLink> links,
                            List<ServerPortConnector> connectors, DialInServer dialIn,
                            List<CollectorDevice> collectors, Map<Long, MeterRoute> routes) {
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
    }

    public synchronized void start(List<CollectorDevice> collectors) {
        if (topology != null) {
            throw new IllegalStateException("the engine is already running");
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                NioIoHandler.newFactory());
        ExecutorService completions = Executors.newVirtualThreadPerTaskExecutor();
        Map<PortKey, PortLink> links = new LinkedHashMap<>();
        List<ServerPortConnector> connectors = new ArrayList<>();
        Map<Long, MeterRoute> routes = new ConcurrentHashMap<>();
        for (CollectorDevice collector : collectors) {
            for (PortDevice port : collector.ports()) {
                PortKey key = new PortKey(collector.id(), port.portNumber());
                PortLink link = new PortLink(key, linkProtocol(port.protocol()), linkSettings(port), group.next(),
                        completions);
                links.put(key, link);
                port.meters().forEach(meter -> routes.put(meter.id(), new MeterRoute(key, meter)));
                if (collector.mode() == ConnectionMode.SERVER && port.tcpPort() != null && collector.host() != null) {
                    connectors.add(new ServerPortConnector(link, collector.host(), port.tcpPort(),
                            properties.connectTimeout()));
                }
            }
        }
        Map<String, CollectorDevice> dialInCollectors = new ConcurrentHashMap<>();
        collectors.stream().filter(c -> c.mode() == ConnectionMode.CLIENT && c.registrationId() != null)
                .forEach(c -> dialInCollectors.put(c.registrationId(), c));
        DialInSettings dialInSettings = new DialInSettings(Pattern.compile(properties.registrationPattern()),
                properties.registrationTimeout(), properties.heartbeat(), properties.heartbeatInterval().multipliedBy(3));
        DialInServer dialIn = bindDialIn(group, dialInSettings,
                (registrationId, portNumber) -> Optional.ofNullable(dialInCollectors.get(registrationId))
                        .map(c -> links.get(new PortKey(c.id(), portNumber))));
        topology = new Topology(group, completions, Map.copyOf(links), List.copyOf(connectors), dialIn,
                List.copyOf(collectors), routes);
        connectors.forEach(ServerPortConnector::start);
        log.info("Collection engine started: {} collectors, {} ports, {} meters, dial-in on port {}",
                collectors.size(), links.size(), routes.size(), dialIn == null ? "-" : dialIn.port());
    }

    public synchronized void stop() {
        Topology running = topology;
        if (running == null) {
            return;
        }
        topology = null;
        running.connectors().forEach(ServerPortConnector::stop);
        running.links().values().forEach(PortLink::close);
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
        return current == null ? Optional.empty() : Optional.ofNullable(current.links().get(key));
    }

    public Optional<MeterRoute> route(long meterId) {
        Topology current = topology;
        return current == null ? Optional.empty() : Optional.ofNullable(current.routes().get(meterId));
    }

    /**
     * Takes the meters of the archive's current state (added, moved, removed meters) without
     * touching connections. New collectors or ports need a restart of the engine.
     */
    public void refreshMeters(List<CollectorDevice> collectors) {
        Topology current = runningTopology();
        Map<Long, MeterRoute> fresh = new ConcurrentHashMap<>();
        for (CollectorDevice collector : collectors) {
            for (PortDevice port : collector.ports()) {
                PortKey key = new PortKey(collector.id(), port.portNumber());
                if (current.links().containsKey(key)) {
                    port.meters().forEach(meter -> fresh.put(meter.id(), new MeterRoute(key, meter)));
                }
            }
        }
        current.routes().keySet().retainAll(fresh.keySet());
        current.routes().putAll(fresh);
    }

    /** Reads one meter now, blocking the calling (virtual or request) thread; records its health. */
    public Optional<MeterReadResult> read(long meterId, Set<ReadingItem> items, Priority priority) {
        Topology current = runningTopology();
        MeterRoute route = current.routes().get(meterId);
        if (route == null) {
            return Optional.empty();
        }
        MeterReadResult result = reader.read(current.links().get(route.port()), route.meter(), items, priority);
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
        Map<PortKey, List<MeterDevice>> byPort = new LinkedHashMap<>();
        current.routes().values().stream().filter(route -> scope.covers(route.port().collectorId())
                        && MeterReader.readsAnything(route.meter(), items))
                .forEach(route -> byPort.computeIfAbsent(route.port(), key -> new ArrayList<>()).add(route.meter()));
        CycleTracker.Run run = cycles.begin(byPort.values().stream().mapToInt(List::size).sum(), progress);
        try (ExecutorService ports = Executors.newVirtualThreadPerTaskExecutor()) {
            byPort.forEach((key, meters) -> ports.submit(() -> {
                PortLink link = current.links().get(key);
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
        MeterRoute route = current.routes().get(meterId);
        if (route == null) {
            return Optional.empty();
        }
        return Optional.of(freezes.read(current.links().get(route.port()), route.meter(), after, before, priority));
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
        for (CollectorDevice collector : current.collectors()) {
            for (PortDevice port : collector.ports()) {
                PortLink link = current.links().get(new PortKey(collector.id(), port.portNumber()));
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
        for (CollectorDevice collector : current.collectors()) {
            List<EngineStatus.PortStatus> ports = collector.ports().stream()
                    .map(port -> portStatus(current.links().get(new PortKey(collector.id(), port.portNumber()))))
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

    private static LinkProtocol linkProtocol(MeterProtocol protocol) {
        return protocol == MeterProtocol.MODBUS_RTU ? LinkProtocol.MODBUS : LinkProtocol.DLT645;
    }
}
