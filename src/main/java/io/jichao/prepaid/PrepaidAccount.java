package io.jichao.prepaid;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A household's prepaid account. Holds no balance on purpose: the balance is the sum of its ledger. */
@Entity
class PrepaidAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long householdId;

    private Instant openedAt;

    protected PrepaidAccount() {
    }

    Long getId() { return id; }
    Long getHouseholdId() { return householdId; }
    Instant getOpenedAt() { return openedAt; }
}
