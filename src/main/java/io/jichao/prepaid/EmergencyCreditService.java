package io.jichao.prepaid;

import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * Emergency credit (issue 5 item 8): a household with a prepaid meter may take
 * {@code jichao.prepaid.emergency-credit-kwh} once before paying. Taking it is a recharge order of
 * payment method EMERGENCY, money 0, with an EMERGENCY_CREDIT ledger entry, delivered to the meter
 * through {@link RechargeDelivery} like any order. It is owed until paid recharges repay it (see
 * {@link RechargeService}); while owed it cannot be taken again. The account row is locked while the
 * owed credit is read and changed, so two clerks granting at once grant once; the idempotency key
 * makes a repeated click return the first order. RECHARGE permission and the meter's district are
 * required; every grant and refusal is audited.
 */
@Service
public class EmergencyCreditService {

    static final String TAKE = "EMERGENCY_CREDIT_TAKE";

    private final RechargeService recharges;
    private final RechargeOrderRepository orders;
    private final PrepaidAccounts accounts;
    private final LedgerEntryRepository ledger;
    private final TariffService tariffs;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final PrepaidProperties properties;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    EmergencyCreditService(RechargeService recharges, RechargeOrderRepository orders, PrepaidAccounts accounts,
                           LedgerEntryRepository ledger, TariffService tariffs, CurrentOperator currentOperator,
                           AuditTrail audit, PrepaidProperties properties,
                           PlatformTransactionManager transactionManager, Clock clock) {
        this.recharges = recharges;
        this.orders = orders;
        this.accounts = accounts;
        this.ledger = ledger;
        this.tariffs = tariffs;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** The emergency credit of the household this prepaid meter serves; refused for a post-paid meter. */
    public EmergencyCreditStatus status(long meterId) {
        currentOperator.get().require(Permission.RECHARGE);
        return readOnly.execute(status -> {
            long householdId = recharges.householdOfMeterSideMeter(meterId);
            return accounts.accountOf(householdId).map(this::statusOf)
                    .orElseGet(() -> new EmergencyCreditStatus(properties.emergencyCredit(), Kwh.ZERO, null, null));
        });
    }

    /**
     * Grants the emergency credit to the meter, or returns the grant already made with this key. Not
     * one transaction, for the same reason as {@link RechargeService#placeOrder}.
     */
    public RechargeOrderView take(long meterId, String idempotencyKey) {
        OperatorContext operator = currentOperator.get();
        try {
            operator.require(Permission.RECHARGE);
            return grant(operator, meterId, idempotencyKey);
        } catch (DomainException refused) {
            audit.recordUnsuccessful(operator.username(), TAKE, "meter " + meterId, refused.messageKey(),
                    Outcome.REFUSED);
            throw refused;
        }
    }

    private RechargeOrderView grant(OperatorContext operator, long meterId, String idempotencyKey) {
        String key = RechargeService.checkedKey(idempotencyKey);
        RechargeOrderView existing = readOnly.execute(status -> orders.findByIdempotencyKey(key)
                .map(RechargeOrder::view).orElse(null));
        if (existing != null) {
            return sameGrantOrRefuse(existing, meterId);
        }
        Kwh credit = properties.emergencyCredit();
        if (!credit.isPositive()) {
            throw new DomainException("error.emergency.disabled");
        }
        long householdId = transaction.execute(status -> recharges.householdOfMeterSideMeter(meterId));
        long accountId = transaction.execute(status -> accounts.openFor(householdId));
        RechargeOrderView granted;
        try {
            granted = transaction.execute(status -> write(operator, key, accountId, meterId, credit));
        } catch (DataIntegrityViolationException duplicate) {
            RechargeOrderView winner = readOnly.execute(status -> orders.findByIdempotencyKey(key)
                    .map(RechargeOrder::view).orElse(null));
            if (winner == null) {
                throw duplicate;
            }
            return sameGrantOrRefuse(winner, meterId);
        }
        recharges.handOver(granted);
        return granted;
    }

    private RechargeOrderView write(OperatorContext operator, String key, long accountId, long meterId, Kwh credit) {
        // First statement of the transaction: the owed credit read next includes every concurrent grant.
        accounts.lock(accountId);
        Kwh owed = accounts.emergencyOwed(accountId);
        if (owed.isPositive()) {
            throw new DomainException("error.emergency.owed", owed.toString());
        }
        PricePerKwh price = TariffCalculator.rechargePrice(tariffs.versionFor(meterId, tariffs.today()).plan(),
                accounts.boughtThisMonth(accountId));
        Instant now = clock.instant();
        RechargeOrder order = orders.saveAndFlush(new RechargeOrder(key, accountId, meterId, Money.ZERO, credit,
                Kwh.ZERO, price, new Payment(PaymentMethod.EMERGENCY, null), operator.username(), now));
        ledger.save(new LedgerEntry(accountId, LedgerKind.EMERGENCY_CREDIT, Money.ZERO, credit, order.getId(),
                operator.username(), now, "emergency credit, owed until the next paid recharge"));
        audit.record(operator.username(), TAKE, "meter " + meterId,
                "order " + order.getId() + " " + credit + " kWh emergency credit, owed until the next paid recharge");
        return order.view();
    }

    private EmergencyCreditStatus statusOf(long accountId) {
        Kwh owed = accounts.emergencyOwed(accountId);
        if (!owed.isPositive()) {
            return new EmergencyCreditStatus(properties.emergencyCredit(), Kwh.ZERO, null, null);
        }
        RechargeOrderView lent = orders.findFirstByAccountIdAndPaymentMethodOrderByIdDesc(accountId,
                PaymentMethod.EMERGENCY).map(RechargeOrder::view).orElseThrow();
        return new EmergencyCreditStatus(properties.emergencyCredit(), owed, lent.id(), lent.createdAt());
    }

    /** The same key for another meter, or for a paid recharge, is a client bug, not a repeated click. */
    private static RechargeOrderView sameGrantOrRefuse(RechargeOrderView order, long meterId) {
        if (order.meterId() != meterId || !order.isEmergencyCredit()) {
            throw new DomainException("error.recharge.key.reused");
        }
        return order;
    }
}
