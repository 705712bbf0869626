package io.jichao.collection;

import java.util.Optional;

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
}
