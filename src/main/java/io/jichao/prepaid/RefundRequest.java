package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.Instant;

import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A clerk's request to refund part or all of a delivered order; decided once by finance. */
@Entity
class RefundRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String idempotencyKey;

    private Long orderId;

    private BigDecimal amount;

    private BigDecimal kwh;

    private String reason;

    @Enumerated(EnumType.STRING)
    private RefundState state;

    private String requestedBy;

    private Instant requestedAt;

    private String decidedBy;

    private Instant decidedAt;

    private String decisionComment;

    @Version
    private long version;

    protected RefundRequest() {
    }

    RefundRequest(String idempotencyKey, long orderId, Money amount, Kwh kwh, String reason, String requestedBy,
                  Instant requestedAt) {
        this.idempotencyKey = idempotencyKey;
        this.orderId = orderId;
        this.amount = amount.yuan();
        this.kwh = kwh.value();
        this.reason = reason;
        this.state = RefundState.REQUESTED;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
    }

    /** Records finance's decision; only a REQUESTED request can be decided, and only once. */
    void decide(RefundState decision, String by, Instant when, String comment) {
        if (state != RefundState.REQUESTED) {
            throw new DomainException("error.refund.decided", state.name());
        }
        state = decision;
        decidedBy = by;
        decidedAt = when;
        decisionComment = comment;
    }

    Long getId() { return id; }
    String getIdempotencyKey() { return idempotencyKey; }
    Long getOrderId() { return orderId; }
    Money getAmount() { return new Money(amount); }
    Kwh getKwh() { return new Kwh(kwh); }
    String getReason() { return reason; }
    RefundState getState() { return state; }
    String getRequestedBy() { return requestedBy; }
    Instant getRequestedAt() { return requestedAt; }
    String getDecidedBy() { return decidedBy; }
    Instant getDecidedAt() { return decidedAt; }
    String getDecisionComment() { return decisionComment; }
}
