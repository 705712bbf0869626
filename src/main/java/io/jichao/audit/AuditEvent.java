package io.jichao.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One audited action. Never updated once written. */
@Entity
public class AuditEvent {

    public enum Outcome { SUCCESS, REFUSED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private String operatorUsername;

    private String action;

    private String target;

    private String details;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String operatorUsername, String action, String target, String details,
               Outcome outcome) {
        this.occurredAt = occurredAt;
        this.operatorUsername = operatorUsername;
        this.action = action;
        this.target = target;
        this.details = details == null || details.length() <= 2000 ? details : details.substring(0, 2000);
        this.outcome = outcome;
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getOperatorUsername() { return operatorUsername; }
    public String getAction() { return action; }
    public String getTarget() { return target; }
    public String getDetails() { return details; }
    public Outcome getOutcome() { return outcome; }
}
