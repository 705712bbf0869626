package io.jichao.collection;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.link.LinkSettings;
import io.jichao.collection.link.PortDirectory;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.ServerPortConnector;
import io.jichao.collection.link.LinkProtocol;
import io.netty.channel.EventLoopGroup;

/**
 * The ports, connections, dial-in directory and meter routes of a running engine, kept in step
 * with the archive by {@link #reconcile}: ports are compared by collector id, port number and
 * {@link PortSpec}; a new port gets a link (and its connector), a changed one a new link that
 * connects once the old one has finished its exchange in flight, a removed one is retired the
 * same way. Meters only move between routes. Readers take a link from here when they start and
 * keep it: a retired link fails their requests as link-down at once, so nothing waits on it.
 */
final class EngineTopology implements PortDirectory {

    private static final Logger log = LoggerFactory.getLogger(EngineTopology.class);

    /** One port in service: its settings, its link and, for a SERVER-mode unit, its connector. */
    private record Port(PortSpec spec, PortLink link, ServerPortConnector connector) {
    }

    /** What one reconciliation did. */
    record Changes(int opened, int reconnected, int closed) {
        boolean any() {
            return opened + reconnected + closed > 0;
        }
    }

    private final EventLoopGroup group;
    private final ExecutorService completions;
    private final Function<PortDevice, LinkSettings> settings;
    private final Duration connectTimeout;
    private final LinkStates states;
    private final Map<PortKey, Port> ports = new ConcurrentHashMap<>();
    private final Map<Long, MeterRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, Long> dialInCollectors = new ConcurrentHashMap<>();
    private volatile List<CollectorDevice> collectors = List.of();

    EngineTopology(EventLoopGroup group, ExecutorService completions, Function<PortDevice, LinkSettings> settings,
                   Duration connectTimeout, LinkStates states) {
        this.group = group;
        this.completions = completions;
        this.settings = settings;
        this.connectTimeout = connectTimeout;
        this.states = states;
    }

    /** Brings the ports, the dial-in directory and the routes in line with {@code wanted}. */
    synchronized Changes reconcile(List<CollectorDevice> wanted) {
        Map<PortKey, PortDevice> devices = new LinkedHashMap<>();
        Map<PortKey, PortSpec> specs = new LinkedHashMap<>();
        for (CollectorDevice collector : wanted) {
            for (PortDevice port : collector.ports()) {
                PortKey key = new PortKey(collector.id(), port.portNumber());
                devices.put(key, port);
                specs.put(key, PortSpec.of(collector, port));
            }
        }
        int closed = 0;
        for (PortKey key : List.copyOf(ports.keySet())) {
            if (!specs.containsKey(key)) {
                retire(ports.remove(key), "removed from the archive or disabled");
                states.removed(key);
                closed++;
            }
        }
        int opened = 0;
        int reconnected = 0;
        for (Map.Entry<PortKey, PortSpec> wantedPort : specs.entrySet()) {
            PortKey key = wantedPort.getKey();
            Port existing = ports.get(key);
            if (existing != null && existing.spec().equals(wantedPort.getValue())) {
                continue;
            }
            Port fresh = open(key, wantedPort.getValue(), devices.get(key));
            ports.put(key, fresh);
            if (existing == null) {
                startConnector(fresh);
                opened++;
            } else {
                // One connection per unit port: the new one opens when the old one is closed.
                retire(existing, "settings changed").whenComplete((done, failure) -> startConnector(fresh));
                reconnected++;
            }
        }
        Map<String, Long> registrations = new ConcurrentHashMap<>();
        for (CollectorDevice collector : wanted) {
            if (collector.mode() == ConnectionMode.CLIENT && collector.registrationId() != null) {
                registrations.put(collector.registrationId(), collector.id());
            }
        }
        dialInCollectors.keySet().retainAll(registrations.keySet());
        dialInCollectors.putAll(registrations);
        refreshRoutes(wanted);
        collectors = List.copyOf(wanted);
        return new Changes(opened, reconnected, closed);
    }

    /** Routes every meter of {@code wanted} that hangs on a port in service; the rest are dropped. */
    void refreshRoutes(List<CollectorDevice> wanted) {
        Map<Long, MeterRoute> fresh = new ConcurrentHashMap<>();
        for (CollectorDevice collector : wanted) {
            for (PortDevice port : collector.ports()) {
                PortKey key = new PortKey(collector.id(), port.portNumber());
                if (ports.containsKey(key)) {
                    port.meters().forEach(meter -> fresh.put(meter.id(), new MeterRoute(key, meter)));
                }
            }
        }
        routes.keySet().retainAll(fresh.keySet());
        routes.putAll(fresh);
    }

    /** Drops and reopens one port's connection (the exchange in flight finishes first). */
    boolean reconnect(PortKey key, String reason) {
        Port port = ports.get(key);
        if (port == null) {
            return false;
        }
        states.reconnecting(key);
        port.link().reconnect(reason);
        return true;
    }

    @Override
    public Optional<PortLink> dialInPort(String registrationId, int portNumber) {
        Long collectorId = dialInCollectors.get(registrationId);
        return Optional.ofNullable(collectorId == null ? null : ports.get(new PortKey(collectorId, portNumber)))
                .filter(port -> port.spec().dialIn()).map(Port::link);
    }

    Optional<PortLink> link(PortKey key) {
        return Optional.ofNullable(ports.get(key)).map(Port::link);
    }

    Optional<MeterRoute> route(long meterId) {
        return Optional.ofNullable(routes.get(meterId));
    }

    List<MeterRoute> routes() {
        return List.copyOf(routes.values());
    }

    List<CollectorDevice> collectors() {
        return collectors;
    }

    int portCount() {
        return ports.size();
    }

    /** Stops every connector and closes every connection at once (the engine stops). */
    synchronized void close() {
        ports.values().forEach(port -> {
            if (port.connector() != null) {
                port.connector().stop();
            }
            port.link().close();
        });
        ports.clear();
        states.clear();
    }

    private Port open(PortKey key, PortSpec spec, PortDevice device) {
        PortLink link = new PortLink(key, linkProtocol(spec.protocol()), settings.apply(device), group.next(),
                completions, states.taken(key));
        ServerPortConnector connector = spec.outgoing()
                ? new ServerPortConnector(link, spec.host(), spec.tcpPort(), connectTimeout) : null;
        return new Port(spec, link, connector);
    }

    private static CompletableFuture<Void> retire(Port port, String reason) {
        if (port.connector() != null) {
            port.connector().stop();
        }
        return port.link().retire(reason);
    }

    private static void startConnector(Port port) {
        if (port.connector() == null) {
            return;
        }
        try {
            port.connector().start();
        } catch (RejectedExecutionException engineStopped) {
            log.debug("{}: not connected, the engine stopped", port.link().key());
        }
    }

    private static LinkProtocol linkProtocol(MeterProtocol protocol) {
        return protocol == MeterProtocol.MODBUS_RTU ? LinkProtocol.MODBUS : LinkProtocol.DLT645;
    }
}
