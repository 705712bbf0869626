package io.jichao.collection.control;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterProtocol;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.CollectionEngine;
import io.jichao.collection.CollectionEngine.MeterRoute;
import io.jichao.collection.RelayReadBack;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;

/**
 * Every relay command, whoever asks (an operator, the gentle cut-off job), takes this path: the
 * command with its read-back and retries ({@link RelayCommander}), then the command row and its
 * audit in one transaction, then {@link RelayReadBack} for the alarms (a mismatch is a red alarm).
 * Blocks the calling thread for the bus time; no transaction is held meanwhile.
 */
public class RelayPath {

    private static final Logger log = LoggerFactory.getLogger(RelayPath.class);

    private final CollectionEngine engine;
    private final RelayCommander commander;
    private final RelayCommandStore store;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RelayPath(CollectionEngine engine, RelayCommander commander, RelayCommandStore store, AuditTrail audit,
              TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.engine = engine;
        this.commander = commander;
        this.store = store;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Empty when the meter is on no running bus of this engine (nothing is sent or recorded). */
    Optional<RelayOutcome> send(long meterId, RelayCommand command, RelayReason reason, String actor,
                                Priority priority) {
        Optional<MeterRoute> route = engine.running() ? engine.route(meterId) : Optional.empty();
        Optional<PortLink> link = route.flatMap(r -> engine.link(r.port()));
        if (route.isEmpty() || link.isEmpty() || route.get().meter().protocol() != MeterProtocol.DLT645_2007) {
            return Optional.empty();
        }
        Instant requestedAt = clock.instant();
        RelayOutcome outcome = commander.execute(link.get(), route.get(), command, priority);
        Instant finishedAt = clock.instant();
        transactions.executeWithoutResult(tx -> {
            store.record(meterId, reason, actor, requestedAt, finishedAt, outcome);
            audit.record(actor, "RELAY_" + command.name(), route.get().meter().address(),
                    reason.name() + ": " + outcome.verdict() + " after " + outcome.attempts() + " attempt(s); "
                            + outcome.detail());
        });
        if (!outcome.verified()) {
            log.warn("Relay {} of meter {} ({}): {} after {} attempts: {}", command, meterId, reason,
                    outcome.verdict(), outcome.attempts(), outcome.detail());
        }
        events.publishEvent(new RelayReadBack(meterId, command.name(), reason.name(), outcome.expectedOpen(),
                outcome.observedOpen(), outcome.attempts(), finishedAt));
        return Optional.of(outcome);
    }
}
