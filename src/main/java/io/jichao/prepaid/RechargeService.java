package io.jichao.prepaid;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.BillingMode;
import io.jichao.archive.Meter;
import io.jichao.archive.MeterCapabilities;
import io.jichao.archive.MeterDetails;
import io.jichao.archive.MeterService;
import io.jichao.archive.MeterState;
import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import jakarta.persistence.EntityManager;

/**
 * Recharge orders (R4): a clerk sells credit for a prepaid meter in the district. The order and its
 * RECHARGE ledger entry are written in one transaction; the idempotency key makes every repeated
 * submit return the first order instead of selling twice. A household owing an emergency credit
 * ({@link EmergencyCreditService}) repays it first: the order sends the meter the purchase minus what
 * is owed (never below zero) and writes an EMERGENCY_REPAYMENT entry for the repaid part. A household
 * on host-side prepaid ({@link BillingMode#HOST_PREPAID}) buys money, not energy: its order sends the
 * meter nothing and is CONFIRMED at once, and {@link HostBalanceChanged} tells the engine, which closes
 * a relay it tripped for no balance.
 */
@Service
public class RechargeService {

    private static final Logger LOG = LoggerFactory.getLogger(RechargeService.class);
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final RechargeOrderRepository orders;
    private final PrepaidAccounts accounts;
    private final LedgerEntryRepository ledger;
    private final TariffService tariffs;
    private final MeterService meters;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final PrepaidProperties properties;
    private final ObjectProvider<RechargeDelivery> delivery;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RechargeService(RechargeOrderRepository orders, PrepaidAccounts accounts, LedgerEntryRepository ledger,
                    TariffService tariffs, MeterService meters, EntityManager entityManager,
                    CurrentOperator currentOperator, AuditTrail audit, PrepaidProperties properties,
                    ObjectProvider<RechargeDelivery> delivery, PlatformTransactionManager transactionManager,
                    ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.accounts = accounts;
        this.ledger = ledger;
        this.tariffs = tariffs;
        this.meters = meters;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.properties = properties;
        this.delivery = delivery;
        this.transaction = new TransactionTemplate(transactionManager);
        this.events = events;
        this.clock = clock;
    }

    /**
     * Places an order, or returns the order already placed with the same idempotency key. Not one
     * transaction on purpose: when two submits with the same key race, the loser's insert fails on
     * the unique key and rolls back, and only a fresh transaction can then read the winner's order.
     */
    public RechargeOrderView placeOrder(RechargeRequest request) {
        OperatorContext operator = currentOperator.get();
        try {
            operator.require(Permission.RECHARGE);
            return place(operator, request);
        } catch (DomainException refused) {
            // R2 wants the result of every money action, refusals included; this record survives the rollback.
            audit.recordUnsuccessful(operator.username(), "RECHARGE_PLACE", "meter " + request.meterId(),
                    refused.messageKey(), Outcome.REFUSED);
            throw refused;
        }
    }

    private RechargeOrderView place(OperatorContext operator, RechargeRequest request) {
        String key = checkedKey(request.idempotencyKey());
        RechargeOrderView existing = transaction.execute(status -> orders.findByIdempotencyKey(key)
                .map(RechargeOrder::view).orElse(null));
        if (existing != null) {
            return sameRequestOrRefuse(existing, request);
        }
        checkLimits(request.amount());
        if (request.payment() == null) {
            throw new DomainException("error.required", "paymentMethod");
        }
        if (request.payment().method() == PaymentMethod.EMERGENCY) {
            // An emergency credit is granted through EmergencyCreditService, never sold.
            throw new DomainException("error.recharge.method.emergency");
        }
        long householdId = transaction.execute(status -> householdOfPrepaidMeter(request.meterId()));
        boolean hostSide = transaction.execute(status -> hostSide(request.meterId()));
        if (hostSide && !(request.amount() instanceof RechargeAmount.OfMoney)) {
            throw new DomainException("error.recharge.host.money");
        }
        // Its own transaction, reading nothing before the insert: InnoDB fixes a transaction's snapshot at
        // its first read, and a snapshot older than a concurrent first recharge would not see that account.
        long accountId = transaction.execute(status -> accounts.openFor(householdId));
        RechargeOrderView placed;
        try {
            placed = transaction.execute(status -> hostSide
                    ? writeHostSide(operator, key, accountId, request) : write(operator, key, accountId, request));
        } catch (DataIntegrityViolationException duplicate) {
            RechargeOrderView winner = transaction.execute(status -> orders.findByIdempotencyKey(key)
                    .map(RechargeOrder::view).orElse(null));
            if (winner == null) {
                throw duplicate;
            }
            return sameRequestOrRefuse(winner, request);
        }
        events.publishEvent(new RechargeOrderPlaced(placed.id(), placed.meterId()));
        handOver(placed);
        return placed;
    }

    /**
     * Gives the committed order to the delivery engine, if one is running. A failing engine must not
     * turn a sale into an error for the clerk: the order is paid and stays CREATED, and the engine
     * finds it again through {@link RechargeProgress#awaitingDelivery(int)}.
     */
    void handOver(RechargeOrderView placed) {
        if (!placed.kwh().isPositive()) {
            // The whole purchase repaid an emergency credit: nothing to send, the order is CONFIRMED already.
            return;
        }
        try {
            delivery.ifAvailable(engine -> engine.deliver(
                    new RechargeInstruction(placed.id(), placed.meterId(), placed.kwh())));
        } catch (RuntimeException engineFailure) {
            LOG.warn("Recharge order {} stays queued: the delivery engine refused it", placed.id(), engineFailure);
        }
    }

    /**
     * The clerk has opened this meter on the recharge page: tells the delivery engine, if this
     * process runs one, that a recharge is likely soon, so it can read the meter's remaining energy
     * while the amount is typed and deliver in four bus exchanges instead of five (docs/benchmarks.md).
     * Refused like an order for a meter that cannot be recharged or lies outside the district.
     * Audited like an operator's "read now" when an engine is asked; never fails for the engine.
     */
    public void prepareRecharge(long meterId) {
        OperatorContext operator = clerk();
        String address = transaction.execute(status -> {
            householdOfPrepaidMeter(meterId);
            return meters.get(meterId).draft().address();
        });
        if (transaction.execute(status -> hostSide(meterId))) {
            // The meter keeps no credit: there is nothing to read ahead of a host-side recharge.
            return;
        }
        delivery.ifAvailable(engine -> {
            try {
                engine.prepare(meterId);
            } catch (RuntimeException engineFailure) {
                LOG.warn("Preparing a recharge of meter {} failed; the delivery reads what it needs itself",
                        meterId, engineFailure);
                return;
            }
            transaction.executeWithoutResult(status -> audit.record(operator.username(), "RECHARGE_PREPARE", address,
                    "remaining energy read asked of the engine ahead of a recharge"));
        });
    }

    /** Cancels an order the engine has not sent yet and reverses its ledger entry. */
    @Transactional
    public RechargeOrderView cancel(long orderId) {
        OperatorContext operator = clerk();
        RechargeOrder order = orders.lockById(orderId).orElseThrow(() -> new DomainException("error.recharge.not.found"));
        String address = meters.get(order.getMeterId()).draft().address();
        if (order.getState() != RechargeState.CREATED) {
            throw new DomainException("error.recharge.cancel.too.late", order.getState().name());
        }
        if (order.getPaymentMethod() == PaymentMethod.EMERGENCY) {
            // Once granted, an emergency credit stays owed until a paid recharge repays it (see the docs).
            throw new DomainException("error.emergency.cancel");
        }
        Instant now = clock.instant();
        order.moveTo(RechargeState.CANCELLED, now, null);
        Kwh repaid = order.getEmergencyRepaidKwh();
        // The reversal takes back the whole purchase; the repaid emergency credit is owed again.
        ledger.save(new LedgerEntry(order.getAccountId(), LedgerKind.REVERSAL, order.getAmount().negate(),
                order.getKwh().plus(repaid).negate(), order.getId(), operator.username(), now, "cancel"));
        if (repaid.isPositive()) {
            accounts.lock(order.getAccountId());
            ledger.save(new LedgerEntry(order.getAccountId(), LedgerKind.EMERGENCY_REINSTATED, Money.ZERO, repaid,
                    order.getId(), operator.username(), now, "cancel of order " + order.getId()));
        }
        audit.record(operator.username(), "RECHARGE_CANCEL", address, "order " + orderId + " " + order.getAmount());
        return order.view();
    }

    /**
     * The price a recharge of this meter would be sold at now, for the clerk's preview: the same
     * tariff and month-to-date purchases that {@link #placeOrder} uses.
     */
    @Transactional(readOnly = true)
    public PricePerKwh priceFor(long meterId) {
        clerk();
        long householdId = householdOfPrepaidMeter(meterId);
        Kwh bought = accounts.accountOf(householdId).map(accounts::boughtThisMonth).orElse(Kwh.ZERO);
        return TariffCalculator.rechargePrice(tariffs.versionFor(meterId, tariffs.today()).plan(), bought);
    }

    /** Orders of a meter inside the district, oldest first. */
    @Transactional(readOnly = true)
    public List<RechargeOrderView> ordersOf(long meterId) {
        currentOperator.get().require(Permission.VIEW_ARCHIVE);
        meters.get(meterId);
        return orders.findByMeterIdOrderByIdAsc(meterId).stream().map(RechargeOrder::view).toList();
    }

    private RechargeOrderView write(OperatorContext operator, String key, long accountId, RechargeRequest request) {
        // First statement of the transaction: whatever it reads next (the owed credit) is after any concurrent change.
        accounts.lock(accountId);
        TariffVersionView tariff = tariffs.versionFor(request.meterId(), tariffs.today());
        PricePerKwh price = TariffCalculator.rechargePrice(tariff.plan(), accounts.boughtThisMonth(accountId));
        Money amount;
        Kwh energy;
        switch (request.amount()) {
            case RechargeAmount.OfMoney(Money money) -> {
                amount = money;
                energy = price.energyFor(money);
            }
            case RechargeAmount.OfEnergy(Kwh kwh) -> {
                energy = kwh;
                amount = price.costOf(kwh);
            }
        }
        if (!energy.isPositive() || !amount.isPositive()) {
            throw new DomainException("error.recharge.too.small");
        }
        Kwh owed = accounts.emergencyOwed(accountId);
        Kwh repaid = owed.compareTo(energy) < 0 ? owed : energy;
        Instant now = clock.instant();
        RechargeOrder order = orders.saveAndFlush(new RechargeOrder(key, accountId, request.meterId(), amount,
                energy.minus(repaid), repaid, price, request.payment(), operator.username(), now));
        ledger.save(new LedgerEntry(accountId, LedgerKind.RECHARGE, amount, energy, order.getId(), operator.username(),
                now, request.payment().method() + (request.payment().reference() == null ? "" : " " + request.payment().reference())));
        if (repaid.isPositive()) {
            ledger.save(new LedgerEntry(accountId, LedgerKind.EMERGENCY_REPAYMENT, Money.ZERO, repaid.negate(),
                    order.getId(), operator.username(), now, "repays " + repaid + " of " + owed + " kWh owed"));
        }
        audit.record(operator.username(), "RECHARGE_PLACE", "meter " + request.meterId(),
                "order " + order.getId() + " " + amount + " yuan " + energy + " kWh at " + price + " " + request.payment()
                        + (repaid.isPositive() ? ", " + repaid + " kWh repay the emergency credit" : ""));
        return order.view();
    }

    /**
     * A host-side prepaid purchase: money into the ledger only. The meter keeps no credit, so the order
     * has no energy to send and is CONFIRMED when written; the receipt shows the money and the balance.
     */
    private RechargeOrderView writeHostSide(OperatorContext operator, String key, long accountId,
                                            RechargeRequest request) {
        accounts.lock(accountId);
        Money amount = ((RechargeAmount.OfMoney) request.amount()).money();
        PricePerKwh price = TariffCalculator.rechargePrice(tariffs.versionFor(request.meterId(), tariffs.today()).plan(),
                Kwh.ZERO);
        Instant now = clock.instant();
        RechargeOrder order = orders.saveAndFlush(new RechargeOrder(key, accountId, request.meterId(), amount, Kwh.ZERO,
                Kwh.ZERO, price, request.payment(), operator.username(), now));
        ledger.save(new LedgerEntry(accountId, LedgerKind.RECHARGE, amount, Kwh.ZERO, order.getId(), operator.username(),
                now, request.payment().method() + (request.payment().reference() == null ? "" : " " + request.payment().reference())));
        Money balance = accounts.balance(accountId).money();
        audit.record(operator.username(), "RECHARGE_PLACE", "meter " + request.meterId(), "order " + order.getId() + " "
                + amount + " yuan host-side prepaid, balance " + balance + " " + request.payment());
        events.publishEvent(new HostBalanceChanged(request.meterId(), balance, HostBalanceChanged.Cause.RECHARGE));
        return order.view();
    }

    /**
     * {@link #householdOfPrepaidMeter} for what only a meter holding credit can take (an emergency credit
     * in kWh): a host-side prepaid household is refused with its own message.
     */
    long householdOfMeterSideMeter(long meterId) {
        long householdId = householdOfPrepaidMeter(meterId);
        if (hostSide(meterId)) {
            throw new DomainException("error.emergency.host");
        }
        return householdId;
    }

    private boolean hostSide(long meterId) {
        return meters.get(meterId).draft().billingMode() == BillingMode.HOST_PREPAID;
    }

    /**
     * The household of a PREPAID or HOST_PREPAID, ACTIVE meter inside the district; a meter-side
     * PREPAID meter must be able to hold credit ({@link MeterCapabilities}). The refusal says why not.
     */
    long householdOfPrepaidMeter(long meterId) {
        MeterDetails details = meters.get(meterId);
        if (!details.draft().billingMode().prepaid()) {
            throw new DomainException("error.recharge.not.prepaid");
        }
        if (details.draft().billingMode() == BillingMode.PREPAID
                && !MeterCapabilities.canHoldCredit(details.draft().protocol())) {
            // Refused before any order or ledger entry: the engine could never deliver it.
            throw new DomainException("error.recharge.cannot.hold.credit", details.draft().address(),
                    MeterCapabilities.label(details.draft().protocol()));
        }
        if (details.state() != MeterState.ACTIVE) {
            throw new DomainException("error.meter.removed");
        }
        Meter meter = entityManager.find(Meter.class, meterId);
        if (meter.getHousehold() == null) {
            throw new DomainException("error.recharge.no.household");
        }
        return meter.getHousehold().getId();
    }

    private void checkLimits(RechargeAmount amount) {
        switch (amount) {
            case null -> throw new DomainException("error.required", "amount");
            case RechargeAmount.OfMoney(Money money) -> {
                if (money == null || !money.isPositive()) {
                    throw new DomainException("error.money.zero");
                }
                if (money.isGreaterThan(properties.maxRecharge())) {
                    throw new DomainException("error.money.too.large", properties.maxRecharge().toString());
                }
            }
            case RechargeAmount.OfEnergy(Kwh kwh) -> {
                if (kwh == null || !kwh.isPositive()) {
                    throw new DomainException("error.kwh.zero");
                }
                if (kwh.compareTo(properties.maxRechargeEnergy()) > 0) {
                    throw new DomainException("error.kwh.too.large", properties.maxRechargeEnergy().toString());
                }
            }
        }
    }

    /** The same key with a different meter or amount is a client bug, not a retry: refuse it loudly. */
    private static RechargeOrderView sameRequestOrRefuse(RechargeOrderView order, RechargeRequest request) {
        boolean sameAmount = switch (request.amount()) {
            case RechargeAmount.OfMoney(Money money) -> order.amount().equals(money);
            case RechargeAmount.OfEnergy(Kwh kwh) -> order.purchasedKwh().equals(kwh);
            case null -> false;
        };
        if (order.meterId() != request.meterId() || !sameAmount || order.isEmergencyCredit()) {
            throw new DomainException("error.recharge.key.reused");
        }
        return order;
    }

    /** Only the canonical 36-character form, lower-cased, so one key cannot be spelled two ways. */
    static String checkedKey(String key) {
        String stripped = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        if (!UUID_TEXT.matcher(stripped).matches()) {
            throw new DomainException("error.recharge.key.invalid");
        }
        return stripped;
    }

    private OperatorContext clerk() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.RECHARGE);
        return operator;
    }
}
