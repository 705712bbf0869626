package io.jichao.collection.control;

import java.util.List;

import org.springframework.stereotype.Service;

import io.jichao.archive.MeterDetails;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.link.Priority;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * An operator's relay commands (issue 6 item 4): trip, close, keep power and its release, each
 * verified by reading status word 3 back and retried while the meter disagrees, then recorded,
 * audited and published as {@link io.jichao.collection.RelayReadBack}. Needs DEVICE_CONTROL; the
 * meter must be in the operator's district ({@link MeterService#get} answers "not found"
 * otherwise). The exchanges go at OPERATOR priority: a person waits in front of the screen.
 */
@Service
public class RelayControlService {

    private static final int RECENT = 20;

    private final MeterService meters;
    private final CollectionEngine engine;
    private final RelayPath path;
    private final RelayCommandStore store;
    private final CurrentOperator currentOperator;

    RelayControlService(MeterService meters, CollectionEngine engine, RelayPath path, RelayCommandStore store,
                        CurrentOperator currentOperator) {
        this.meters = meters;
        this.engine = engine;
        this.path = path;
        this.store = store;
        this.currentOperator = currentOperator;
    }

    /** Whether the operator may send relay commands and set overload parameters at all. */
    public boolean canControl() {
        return currentOperator.get().has(Permission.DEVICE_CONTROL);
    }

    /** Blocks for the bus time (command, read-back, retries). */
    public RelayOutcome command(long meterId, RelayCommand command) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.DEVICE_CONTROL);
        MeterDetails meter = meters.get(meterId);
        if (meter.draft().protocol() != MeterProtocol.DLT645_2007) {
            throw new DomainException("error.control.relay.protocol");
        }
        if (!engine.running()) {
            throw new DomainException("error.collection.engine.stopped");
        }
        return path.send(meterId, command, RelayReason.OPERATOR, operator.username(), Priority.OPERATOR)
                .orElseThrow(() -> new DomainException("error.collection.meter.unreachable", meter.draft().address()));
    }

    /** The meter's latest relay commands, newest first (trips and restores as the engine saw them). */
    public List<RelayCommandRecord> recent(long meterId) {
        currentOperator.get().require(Permission.DEVICE_CONTROL);
        meters.get(meterId);
        return store.recent(meterId, RECENT);
    }
}
