package io.jichao.prepaid;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Meter;
import io.jichao.archive.MeterService;
import io.jichao.security.CurrentOperator;
import io.jichao.security.Permission;
import jakarta.persistence.EntityManager;

/** Balances and ledgers of households, read through a meter inside the operator's district. */
@Service
public class AccountService {

    private final PrepaidAccounts accounts;
    private final MeterService meters;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;

    AccountService(PrepaidAccounts accounts, MeterService meters, EntityManager entityManager,
                   CurrentOperator currentOperator) {
        this.accounts = accounts;
        this.meters = meters;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
    }

    /** The balance of the household the meter serves; empty when it never recharged. */
    @Transactional(readOnly = true)
    public AccountBalance balanceOfMeter(long meterId) {
        return accountOfMeter(meterId).map(accounts::balance).orElse(AccountBalance.EMPTY);
    }

    /** The ledger of the household the meter serves, oldest first. */
    @Transactional(readOnly = true)
    public List<LedgerLine> ledgerOfMeter(long meterId) {
        return accountOfMeter(meterId).map(accounts::lines).orElse(List.of());
    }

    private Optional<Long> accountOfMeter(long meterId) {
        currentOperator.get().require(Permission.VIEW_ARCHIVE);
        meters.get(meterId);
        Meter meter = entityManager.find(Meter.class, meterId);
        return meter.getHousehold() == null ? Optional.empty()
                : accounts.accountOf(meter.getHousehold().getId());
    }
}
