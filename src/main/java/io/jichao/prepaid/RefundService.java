package io.jichao.prepaid;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.Meter;
import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import jakarta.persistence.EntityManager;

/**
 * Refunds after delivery (R2, R5): a clerk (RECHARGE, in the meter's district) asks to give money
 * back for a SENT, CONFIRMED or FAILED_RETRYING order; an operator with FINANCE in that district,
 * never the one who asked, approves or rejects. Approval writes the order's REFUND ledger entry
 * (negative money, negative kWh) in its own transaction, exactly once: the request row is locked
 * and ledger_entry's unique (order_id, kind) refuses a second entry whatever happens. The kWh are
 * taken back in the ledger only; the meter still holds them (the profile has no negative recharge).
 * An order gets at most one refund: while one is pending or approved, a new request is refused.
 * An emergency credit (payment method EMERGENCY) is never refunded: nothing was paid, and the next
 * paid recharge repays it. A paid order that repaid an emergency credit refunds at most its money and
 * the kWh it sent the meter; its repayment stands, because the household did use that credit.
 */
@Service
public class RefundService {

    static final String REQUEST = "REFUND_REQUEST";
    static final String APPROVE = "REFUND_APPROVE";
    static final String REJECT = "REFUND_REJECT";

    private static final int MAX_TEXT = 255;
    private static final int RECENT = 200;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<RechargeState> REFUNDABLE =
            EnumSet.of(RechargeState.SENT, RechargeState.CONFIRMED, RechargeState.FAILED_RETRYING);
    private static final Set<RefundState> OPEN_OR_DONE = EnumSet.of(RefundState.REQUESTED, RefundState.APPROVED);

    private final RefundRequestRepository requests;
    private final RechargeOrderRepository orders;
    private final LedgerEntryRepository ledger;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RefundService(RefundRequestRepository requests, RechargeOrderRepository orders, LedgerEntryRepository ledger,
                  EntityManager entityManager, CurrentOperator currentOperator, AuditTrail audit,
                  PlatformTransactionManager transactionManager, Clock clock) {
        this.requests = requests;
        this.orders = orders;
        this.ledger = ledger;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Files a refund request, or returns the one already filed with the same key. Not one transaction,
     * as in {@link RechargeService#placeOrder}: the loser of a same-key race reads the winner afresh.
     */
    public RefundView request(RefundDraft draft) {
        OperatorContext operator = currentOperator.get();
        try {
            operator.require(Permission.RECHARGE);
            String key = checkedKey(draft.idempotencyKey());
            RefundView existing = transaction.execute(status -> requests.findByIdempotencyKey(key)
                    .map(this::view).orElse(null));
            if (existing != null) {
                return sameRequestOrRefuse(existing, draft);
            }
            try {
                return transaction.execute(status -> file(operator, key, draft));
            } catch (DataIntegrityViolationException duplicate) {
                RefundView winner = transaction.execute(status -> requests.findByIdempotencyKey(key)
                        .map(this::view).orElse(null));
                if (winner == null) {
                    throw duplicate;
                }
                return sameRequestOrRefuse(winner, draft);
            }
        } catch (DomainException refused) {
            audit.recordUnsuccessful(operator.username(), REQUEST, "order " + draft.orderId(),
                    refused.messageKey(), Outcome.REFUSED);
            throw refused;
        }
    }

    /** Approves: the REFUND ledger entry is written in this transaction. Approving an approved request again returns it. */
    public RefundView approve(long requestId, String comment) {
        return decide(requestId, RefundState.APPROVED, comment);
    }

    /** Rejects with finance's comment; nothing reaches the ledger. */
    public RefundView reject(long requestId, String comment) {
        return decide(requestId, RefundState.REJECTED, comment);
    }

    /** Requests waiting for finance inside the operator's district, oldest first. */
    public List<RefundView> pending() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return transaction.execute(status -> inDistrict(operator, requests.findByStateOrderByIdAsc(RefundState.REQUESTED)));
    }

    /** The latest requests (any state) inside the operator's district, newest first. */
    public List<RefundView> recent() {
        OperatorContext operator = refundActor();
        return transaction.execute(status -> inDistrict(operator, requests.findAllByOrderByIdDesc(Limit.of(RECENT))));
    }

    /**
     * Orders a clerk may look for: the order with this number, and the orders of the meter with this
     * address, inside the district, newest first.
     */
    public List<RechargeOrderView> findOrders(String query) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.RECHARGE);
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            return List.of();
        }
        return transaction.execute(status -> {
            Set<RechargeOrder> found = new LinkedHashSet<>();
            if (text.chars().allMatch(Character::isDigit) && text.length() < 19) {
                orders.findById(Long.parseLong(text)).ifPresent(found::add);
            }
            List<Long> meterIds = entityManager.createQuery("select m.id from Meter m where m.address = :address", Long.class)
                    .setParameter("address", text).getResultList();
            for (long meterId : meterIds) {
                List<RechargeOrder> ofMeter = new ArrayList<>(orders.findByMeterIdOrderByIdAsc(meterId));
                java.util.Collections.reverse(ofMeter);
                found.addAll(ofMeter);
            }
            return found.stream().filter(order -> covers(operator.district(), order.getMeterId()))
                    .map(RechargeOrder::view).toList();
        });
    }

    /** What is still refundable of an order: its money minus the money already refunded. */
    public Money refundableOf(long orderId) {
        OperatorContext operator = refundActor();
        return transaction.execute(status -> {
            RechargeOrder order = orderInDistrict(operator, orderId);
            return order.getAmount().minus(refunded(order).amount());
        });
    }

    private RefundView file(OperatorContext operator, String key, RefundDraft draft) {
        RechargeOrder order = orders.lockById(draft.orderId())
                .filter(o -> covers(operator.district(), o.getMeterId()))
                .orElseThrow(() -> new DomainException("error.recharge.not.found"));
        if (order.getPaymentMethod() == PaymentMethod.EMERGENCY) {
            // Nothing was paid; the next paid recharge repays the credit instead.
            throw new DomainException("error.refund.emergency");
        }
        if (order.getState() == RechargeState.CREATED) {
            throw new DomainException("error.refund.cancel.instead");
        }
        if (!REFUNDABLE.contains(order.getState())) {
            throw new DomainException("error.refund.order.state", order.getState().name());
        }
        String reason = draft.reason() == null ? "" : draft.reason().strip();
        if (reason.isEmpty()) {
            throw new DomainException("error.required", "reason");
        }
        if (reason.length() > MAX_TEXT) {
            throw new DomainException("error.refund.text.too.long", MAX_TEXT);
        }
        Money amount = draft.amount() == null ? Money.ZERO : draft.amount();
        Kwh kwh = draft.kwh() == null ? Kwh.ZERO : draft.kwh();
        if (amount.isNegative() || kwh.isNegative() || (amount.isZero() && !kwh.isPositive())) {
            throw new DomainException("error.refund.nothing");
        }
        if (requests.existsByOrderIdAndStateIn(order.getId(), OPEN_OR_DONE)) {
            throw new DomainException("error.refund.already");
        }
        Refunded refunded = refunded(order);
        Money moneyLeft = order.getAmount().minus(refunded.amount());
        if (amount.isGreaterThan(moneyLeft)) {
            throw new DomainException("error.refund.too.much", moneyLeft.toString());
        }
        Kwh kwhLeft = order.getKwh().minus(refunded.kwh());
        if (kwh.compareTo(kwhLeft) > 0) {
            throw new DomainException("error.refund.kwh.too.much", kwhLeft.toString());
        }
        RefundRequest saved = requests.saveAndFlush(new RefundRequest(key, order.getId(), amount, kwh, reason,
                operator.username(), clock.instant()));
        audit.record(operator.username(), REQUEST, addressOf(order.getMeterId()),
                "refund " + saved.getId() + " of order " + order.getId() + ": " + amount + " yuan, " + kwh
                        + " kWh; reason: " + reason);
        return view(saved);
    }

    private RefundView decide(long requestId, RefundState decision, String comment) {
        OperatorContext operator = currentOperator.get();
        String action = decision == RefundState.APPROVED ? APPROVE : REJECT;
        try {
            operator.require(Permission.FINANCE);
            String note = comment == null ? "" : comment.strip();
            if (note.length() > MAX_TEXT) {
                throw new DomainException("error.refund.text.too.long", MAX_TEXT);
            }
            if (decision == RefundState.REJECTED && note.isEmpty()) {
                throw new DomainException("error.required", "comment");
            }
            return transaction.execute(status -> {
                RefundRequest request = requests.lockById(requestId)
                        .orElseThrow(() -> new DomainException("error.refund.not.found"));
                RechargeOrder order = orderInDistrict(operator, request.getOrderId());
                if (request.getState() == decision) {
                    // A second click, or a colleague who was quicker: the decision stands, once.
                    return view(request);
                }
                if (operator.username().equals(request.getRequestedBy())) {
                    throw new DomainException("error.refund.four.eyes");
                }
                Instant now = clock.instant();
                request.decide(decision, operator.username(), now, note.isEmpty() ? null : note);
                String address = addressOf(order.getMeterId());
                if (decision == RefundState.APPROVED) {
                    String memo = memo("refund " + request.getId() + ": " + request.getReason()
                            + (request.getKwh().isPositive() ? "; meter still holds " + request.getKwh() + " kWh" : ""));
                    ledger.saveAndFlush(new LedgerEntry(order.getAccountId(), LedgerKind.REFUND,
                            request.getAmount().negate(), request.getKwh().negate(), order.getId(),
                            operator.username(), now, memo));
                    audit.record(operator.username(), APPROVE, address, "refund " + request.getId() + " of order "
                            + order.getId() + " requested by " + request.getRequestedBy() + ": "
                            + request.getAmount() + " yuan, " + request.getKwh() + " kWh taken back in the ledger"
                            + (request.getKwh().isPositive() ? " (the meter still holds them)" : "")
                            + (note.isEmpty() ? "" : "; comment: " + note));
                } else {
                    audit.record(operator.username(), REJECT, address, "refund " + request.getId() + " of order "
                            + order.getId() + " requested by " + request.getRequestedBy() + "; comment: " + note);
                }
                requests.flush();
                return view(request);
            });
        } catch (DomainException refused) {
            audit.recordUnsuccessful(operator.username(), action, "refund " + requestId, refused.messageKey(),
                    Outcome.REFUSED);
            throw refused;
        } catch (DataIntegrityViolationException duplicate) {
            // ledger_entry's unique (order_id, kind): the order was refunded by another request already.
            audit.recordUnsuccessful(operator.username(), action, "refund " + requestId, "error.refund.already",
                    Outcome.REFUSED);
            throw new DomainException("error.refund.already");
        }
    }

    private List<RefundView> inDistrict(OperatorContext operator, List<RefundRequest> found) {
        return found.stream()
                .map(this::view)
                .filter(view -> covers(operator.district(), view.meterId()))
                .toList();
    }

    private RechargeOrder orderInDistrict(OperatorContext operator, long orderId) {
        return orders.findById(orderId)
                .filter(order -> covers(operator.district(), order.getMeterId()))
                .orElseThrow(() -> new DomainException("error.recharge.not.found"));
    }

    private boolean covers(DistrictScope district, long meterId) {
        Meter meter = entityManager.find(Meter.class, meterId);
        return meter != null && district.covers(meter.getBuilding().getId(),
                meter.getBox() == null ? null : meter.getBox().getId());
    }

    private String addressOf(long meterId) {
        return entityManager.find(Meter.class, meterId).getAddress();
    }

    private Refunded refunded(RechargeOrder order) {
        Money money = Money.ZERO;
        Kwh kwh = Kwh.ZERO;
        for (LedgerEntry entry : ledger.findByOrderIdOrderByIdAsc(order.getId())) {
            if (entry.getKind() == LedgerKind.REFUND) {
                money = money.minus(entry.getAmount());
                kwh = kwh.minus(entry.getKwh());
            }
        }
        return new Refunded(money, kwh);
    }

    private RefundView view(RefundRequest request) {
        RechargeOrder order = orders.findById(request.getOrderId()).orElseThrow();
        return new RefundView(request.getId(), order.getId(), order.getMeterId(), addressOf(order.getMeterId()),
                order.getAmount(), order.getKwh(), order.getState(), request.getAmount(), request.getKwh(),
                request.getReason(), request.getState(), request.getRequestedBy(), request.getRequestedAt(),
                request.getDecidedBy(), request.getDecidedAt(), request.getDecisionComment());
    }

    private OperatorContext refundActor() {
        OperatorContext operator = currentOperator.get();
        if (!operator.has(Permission.RECHARGE)) {
            operator.require(Permission.FINANCE);
        }
        return operator;
    }

    /** The same key for another order or other figures is a client bug, not a retry. */
    private static RefundView sameRequestOrRefuse(RefundView existing, RefundDraft draft) {
        Money amount = draft.amount() == null ? Money.ZERO : draft.amount();
        Kwh kwh = draft.kwh() == null ? Kwh.ZERO : draft.kwh();
        if (existing.orderId() != draft.orderId() || !existing.amount().equals(amount) || !existing.kwh().equals(kwh)) {
            throw new DomainException("error.recharge.key.reused");
        }
        return existing;
    }

    private static String checkedKey(String key) {
        String stripped = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        if (!UUID_TEXT.matcher(stripped).matches()) {
            throw new DomainException("error.recharge.key.invalid");
        }
        return stripped;
    }

    private static String memo(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }

    private record Refunded(Money amount, Kwh kwh) {
    }
}
