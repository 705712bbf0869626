package io.jichao.collection.control;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jichao.collection.CollectionEngine;
import io.jichao.collection.control.GentleCutoffPolicy.Action;
import io.jichao.collection.control.GentleCutoffPolicy.Credit;
import io.jichao.collection.link.Priority;

/**
 * The engine's relay decisions for gentle cut-off, one pass: outside friendly time low-credit
 * prepaid meters go to keep-power (held once the read-back shows bit 12); in friendly time every
 * held meter gets KEEP_POWER_RELEASE and is let go once the read-back shows bit 12 clear, so a
 * meter without credit trips then. Each command takes the relay path (read-back, retries,
 * {@code RelayReadBack}). Meters on no bus of this engine are left for a later pass.
 */
public class GentleCutoff {

    private static final Logger log = LoggerFactory.getLogger(GentleCutoff.class);

    private final CollectionEngine engine;
    private final GentleCutoffStore store;
    private final GentleCutoffPolicy policy;
    private final RelayPath relays;
    private final Clock clock;

    GentleCutoff(CollectionEngine engine, GentleCutoffStore store, GentleCutoffPolicy policy, RelayPath relays,
                 Clock clock) {
        this.engine = engine;
        this.store = store;
        this.policy = policy;
        this.relays = relays;
        this.clock = clock;
    }

    /** Returns how many commands were sent. Blocks for the bus time. */
    public int run() {
        if (!engine.running()) {
            return 0;
        }
        FriendlyHours hours = store.hours();
        Optional<FriendlyHours.Quiet> quiet = policy.quietNow(hours);
        int sent = 0;
        if (quiet.isEmpty()) {
            for (var hold : store.holds()) {
                long meterId = hold.held().meterId();
                if (policy.decide(hours, null, true) != Action.RELEASE || engine.route(meterId).isEmpty()) {
                    continue;
                }
                Optional<RelayOutcome> outcome = relays.send(meterId, RelayCommand.KEEP_POWER_RELEASE,
                        RelayReason.GENTLE_CUTOFF, OverloadWriter.ACTOR, Priority.WRITE);
                sent += outcome.isPresent() ? 1 : 0;
                if (outcome.isPresent() && Boolean.FALSE.equals(outcome.get().keepPower())) {
                    store.released(meterId);
                } else {
                    store.releaseFailed(meterId, outcome.map(RelayOutcome::detail).orElse("not on a bus"));
                }
            }
            return sent;
        }
        for (Credit credit : store.unheldCredits()) {
            if (engine.route(credit.meterId()).isEmpty() || policy.decide(hours, credit, false) != Action.HOLD) {
                continue;
            }
            Optional<RelayOutcome> outcome = relays.send(credit.meterId(), RelayCommand.KEEP_POWER,
                    RelayReason.GENTLE_CUTOFF, OverloadWriter.ACTOR, Priority.WRITE);
            sent += outcome.isPresent() ? 1 : 0;
            if (outcome.isPresent() && Boolean.TRUE.equals(outcome.get().keepPower())) {
                store.hold(credit, quiet.get(), clock.instant());
            } else {
                log.warn("Meter {} not put in keep-power ({}): {}", credit.meterId(), quiet.get(),
                        outcome.map(RelayOutcome::detail).orElse("not on a bus"));
            }
        }
        return sent;
    }
}
