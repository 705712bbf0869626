package io.jichao.prepaid;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;

interface PrepaidAccountRepository extends JpaRepository<PrepaidAccount, Long> {

    Optional<PrepaidAccount> findByHouseholdId(long householdId);

    /**
     * Locks the account row (SELECT ... FOR UPDATE): what changes the emergency credit owed (taking
     * it, a paid recharge repaying it, a cancel reinstating it) runs one at a time per household.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PrepaidAccount a where a.id = :id")
    Optional<PrepaidAccount> lockById(@Param("id") long id);

    /**
     * Opens the household's account unless it exists. INSERT IGNORE lets two first recharges of the
     * same household race without either failing: the unique key keeps one row.
     */
    @Modifying
    @Query(value = "INSERT IGNORE INTO prepaid_account (household_id, opened_at) VALUES (:householdId, :openedAt)",
            nativeQuery = true)
    int openIfMissing(@Param("householdId") long householdId, @Param("openedAt") Instant openedAt);
}
