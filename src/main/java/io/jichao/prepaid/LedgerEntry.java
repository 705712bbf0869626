package io.jichao.prepaid;

import java.math.BigDecimal;
import java.time.Instant;

import org.hibernate.annotations.Immutable;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/**
 * One line of an account's ledger: signed money and energy (credit positive). Append-only: no
 * setters, {@link Immutable} so Hibernate never issues an UPDATE, and database triggers refuse
 * UPDATE and DELETE from anywhere else.
 */
@Entity
@Immutable
class LedgerEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    @Enumerated(EnumType.STRING)
    private LedgerKind kind;

    private BigDecimal amount;

    private BigDecimal kwh;

    private Long orderId;

    private String operatorUsername;

    private Instant occurredAt;

    private String memo;

    protected LedgerEntry() {
    }

    LedgerEntry(long accountId, LedgerKind kind, Money amount, Kwh kwh, Long orderId, String operatorUsername,
                Instant occurredAt, String memo) {
        this.accountId = accountId;
        this.kind = kind;
        this.amount = amount.yuan();
        this.kwh = kwh.value();
        this.orderId = orderId;
        this.operatorUsername = operatorUsername;
        this.occurredAt = occurredAt;
        this.memo = memo;
    }

    Long getId() { return id; }
    Long getAccountId() { return accountId; }
    LedgerKind getKind() { return kind; }
    Money getAmount() { return new Money(amount); }
    Kwh getKwh() { return new Kwh(kwh); }
    Long getOrderId() { return orderId; }
    String getOperatorUsername() { return operatorUsername; }
    Instant getOccurredAt() { return occurredAt; }
    String getMemo() { return memo; }
}
