package io.jichao.collection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.CollectorService;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.shared.DomainException;

/**
 * "Reconnect" on the collectors page (R16): drops a collector's or a port's connection and lets it
 * reopen, for a unit that hangs on a half-open connection. Only for operators who manage
 * collectors in the collector's district (the archive checks both); every reconnect is audited.
 * The exchange in flight finishes first; the call itself never waits on the network.
 */
@Service
public class CollectorReconnectService {

    private final CollectionEngine engine;
    private final CollectorService collectors;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;

    CollectorReconnectService(CollectionEngine engine, CollectorService collectors, CurrentOperator currentOperator,
                              AuditTrail audit) {
        this.engine = engine;
        this.collectors = collectors;
        this.currentOperator = currentOperator;
        this.audit = audit;
    }

    /** Reconnects every port of the collector; returns how many ports were dropped. */
    @Transactional
    public int reconnectCollector(long collectorId) {
        return reconnect(collectorId, null);
    }

    /** Reconnects one port of the collector. */
    @Transactional
    public int reconnectPort(long collectorId, int portNumber) {
        return reconnect(collectorId, portNumber);
    }

    private int reconnect(long collectorId, Integer portNumber) {
        String name = collectors.manageableName(collectorId);
        if (!engine.running()) {
            throw new DomainException("error.collection.engine.stopped");
        }
        long ports = engine.linkStates(collectorId).stream()
                .filter(state -> portNumber == null || state.port().portNumber() == portNumber).count();
        if (ports == 0) {
            throw new DomainException("error.collector.reconnect.unknown", name);
        }
        String who = currentOperator.get().username();
        audit.record(who, portNumber == null ? "COLLECTOR_RECONNECT" : "PORT_RECONNECT",
                portNumber == null ? name : name + "#" + portNumber, ports + " ports");
        // Only queues work on the ports' event loops: nothing here waits on the network.
        return engine.reconnect(collectorId, portNumber, "reconnect by " + who);
    }
}
