package io.jichao.prepaid;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/** Accounts and their derived balances, for the services of this feature (no operator checks here). */
@Component
class PrepaidAccounts {

    private final PrepaidAccountRepository accounts;
    private final LedgerEntryRepository ledger;
    private final Clock clock;

    PrepaidAccounts(PrepaidAccountRepository accounts, LedgerEntryRepository ledger, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The household's account ID, opening the account on its first recharge. */
    @Transactional(propagation = Propagation.MANDATORY)
    long openFor(long householdId) {
        accounts.openIfMissing(householdId, clock.instant());
        return accounts.findByHouseholdId(householdId).orElseThrow().getId();
    }

    /** Locks the account row until the transaction ends (see {@link PrepaidAccountRepository#lockById}). */
    @Transactional(propagation = Propagation.MANDATORY)
    void lock(long accountId) {
        accounts.lockById(accountId).orElseThrow();
    }

    /** The emergency credit still owed: credits taken, minus repayments, plus repayments reinstated. */
    @Transactional(readOnly = true)
    Kwh emergencyOwed(long accountId) {
        return new Kwh(ledger.sumKwhOf(accountId, LedgerKind.EMERGENCY_OWED));
    }

    /** Money and energy credited minus debited, summed from the ledger every time. */
    @Transactional(readOnly = true)
    AccountBalance balance(long accountId) {
        return new AccountBalance(new Money(ledger.sumAmount(accountId)), new Kwh(ledger.sumKwh(accountId)));
    }

    /**
     * Energy bought (net of reversals) since the start of this calendar month in Asia/Shanghai. Stepped
     * tariffs use it as month-to-date usage when pricing a recharge: credit is sold before it is used,
     * so what was bought is the usage the sale can know.
     */
    @Transactional(readOnly = true)
    Kwh boughtThisMonth(long accountId) {
        Instant monthStart = YearMonth.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)).atDay(1)
                .atStartOfDay(TimeConfiguration.DISPLAY_ZONE).toInstant();
        return new Kwh(ledger.sumKwhSince(accountId, LedgerKind.PURCHASES, monthStart));
    }

    @Transactional(readOnly = true)
    List<LedgerLine> lines(long accountId) {
        return ledger.findByAccountIdOrderByIdAsc(accountId).stream().map(LedgerLine::of).toList();
    }

    @Transactional(readOnly = true)
    Optional<Long> accountOf(long householdId) {
        return accounts.findByHouseholdId(householdId).map(PrepaidAccount::getId);
    }
}
