package io.jichao.collection;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;

import io.jichao.security.CurrentOperator;
import io.jichao.security.Permission;

/**
 * Live engine status for the collector administration (R16): who may manage collectors may see
 * their connection state and traffic. Collectors are site-wide devices, not district data.
 */
@Service
public class EngineMonitor {

    private final CollectionEngine engine;
    private final CurrentOperator currentOperator;

    EngineMonitor(CollectionEngine engine, CurrentOperator currentOperator) {
        this.engine = engine;
        this.currentOperator = currentOperator;
    }

    public EngineStatus status() {
        currentOperator.get().require(Permission.MANAGE_COLLECTORS);
        return engine.status();
    }

    /** Empty when the engine does not run in this process or does not know the collector. */
    public Optional<EngineStatus.CollectorStatus> collector(long collectorId) {
        return status().collectors().stream().filter(c -> c.collectorId() == collectorId).findFirst();
    }

    /**
     * The live connection state of the collector's ports (connected, connecting, not yet
     * connected, disconnected, each with its time); empty when the engine does not run here.
     */
    public List<PortLinkState> linkStates(long collectorId) {
        currentOperator.get().require(Permission.MANAGE_COLLECTORS);
        return engine.linkStates(collectorId);
    }

    /**
     * Tells {@code listener} of every later change of a port's connection state (on a thread of
     * its own: a view hands it to {@code UI.access}); run the returned handle to stop.
     */
    public Runnable subscribeLinkStates(Consumer<PortLinkState> listener) {
        currentOperator.get().require(Permission.MANAGE_COLLECTORS);
        return engine.subscribeLinkStates(listener);
    }
}
