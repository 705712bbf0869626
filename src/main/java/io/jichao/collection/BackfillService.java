package io.jichao.collection;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterService;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.link.Priority;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Back-fill on an operator's request (R1): reads everything the meter still holds (48 hourly and
 * up to 31 daily freezes, within {@code jichao.collection.gap.operator-window}) and stores what
 * is missing. Needs DEVICE_CONTROL because it occupies the bus for up to ≈ 160 exchanges; the
 * meter must be in the operator's district ({@link MeterService#get} answers "not found" otherwise).
 *
 * <p>The exchanges queue at CYCLE priority: they take turns with a running cycle instead of
 * holding every other meter of the bus back for half a minute.
 */
@Service
public class BackfillService {

    /** What an operator's back-fill did. */
    public record Outcome(int freezesRead, int readingsAdded) {
    }

    private final MeterService meters;
    private final CollectionEngine engine;
    private final BackfillStore store;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    BackfillService(MeterService meters, CollectionEngine engine, BackfillStore store, CurrentOperator currentOperator,
                    AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.meters = meters;
        this.engine = engine;
        this.store = store;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Blocks for the bus time; no database transaction is held meanwhile. */
    public Outcome backfill(long meterId) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.DEVICE_CONTROL);
        String address = meters.get(meterId).draft().address();
        if (!engine.running()) {
            throw new DomainException("error.collection.engine.stopped");
        }
        Instant now = clock.instant();
        Backfill backfill = engine.readFreezes(meterId, now.minus(engine.properties().gap().operatorWindow()), now,
                        Priority.CYCLE)
                .orElseThrow(() -> new DomainException("error.collection.meter.unreachable", address));
        Outcome outcome = new Outcome(backfill.freezes().size(), store.store(backfill));
        transactions.executeWithoutResult(tx -> audit.record(operator.username(), "METER_BACKFILL", address,
                "read " + outcome.freezesRead() + ", added " + outcome.readingsAdded()));
        return outcome;
    }
}
