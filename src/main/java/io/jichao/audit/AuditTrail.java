package io.jichao.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditEvent.Outcome;

/** Writes and reads audit events. */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records an action in the caller's transaction: it lands exactly when the action does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String operator, String action, String target, String details) {
        events.save(new AuditEvent(clock.instant(), operator, action, target, details, Outcome.SUCCESS));
    }

    /** Records a refused or failed attempt in its own transaction, so the rollback of the attempt keeps it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordUnsuccessful(String operator, String action, String target, String details, Outcome outcome) {
        events.save(new AuditEvent(clock.instant(), operator, action, target, details, outcome));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> recent() {
        return events.findTop100ByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> byAction(String action) {
        return events.findByActionOrderByIdDesc(action);
    }
}
