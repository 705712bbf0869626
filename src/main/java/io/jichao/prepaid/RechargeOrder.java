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

/**
 * A paid recharge of a meter, or an emergency credit (payment method EMERGENCY, money 0). Amount,
 * energy and price are fixed at creation; only the delivery state moves, and only along
 * {@link RechargeState#next()}. {@code kwh} is what the meter is sent; a paid order that repaid an
 * emergency credit also holds the repaid part, so the purchase was {@code kwh + emergencyRepaidKwh}.
 * An order whose whole purchase repaid the credit has nothing to send and starts CONFIRMED.
 */
@Entity
class RechargeOrder {

    private static final int MAX_FAILURE = 255;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String idempotencyKey;

    private Long accountId;

    private Long meterId;

    private BigDecimal amount;

    private BigDecimal kwh;

    private BigDecimal price;

    private BigDecimal emergencyRepaidKwh;

    @Enumerated(EnumType.STRING)
    private PaymentMethod paymentMethod;

    private String paymentReference;

    @Enumerated(EnumType.STRING)
    private RechargeState state;

    private String createdBy;

    private Instant createdAt;

    private Instant stateChangedAt;

    private int deliveryAttempts;

    private String lastFailure;

    /** The handheld task holding this order, or null: while set, neither the engine nor a cancel may move it. */
    private String handheldTaskId;

    @Version
    private long version;

    protected RechargeOrder() {
    }

    RechargeOrder(String idempotencyKey, long accountId, long meterId, Money amount, Kwh kwh, Kwh emergencyRepaid,
                  PricePerKwh price, Payment payment, String createdBy, Instant createdAt) {
        this.idempotencyKey = idempotencyKey;
        this.accountId = accountId;
        this.meterId = meterId;
        this.amount = amount.yuan();
        this.kwh = kwh.value();
        this.emergencyRepaidKwh = emergencyRepaid.value();
        this.price = price.yuan();
        this.paymentMethod = payment.method();
        this.paymentReference = payment.reference();
        this.state = kwh.isPositive() ? RechargeState.CREATED : RechargeState.CONFIRMED;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.stateChangedAt = createdAt;
    }

    /** Moves along an allowed transition or refuses; counts each send as a delivery attempt. */
    void moveTo(RechargeState target, Instant when, String failure) {
        if (!state.canMoveTo(target)) {
            throw new DomainException("error.recharge.state", state.name(), target.name());
        }
        if (handheldTaskId != null) {
            throw new DomainException("error.recharge.handheld.reserved", id, handheldTaskId);
        }
        if (target == RechargeState.SENT) {
            deliveryAttempts++;
        }
        if (failure != null) {
            lastFailure = failure.length() <= MAX_FAILURE ? failure : failure.substring(0, MAX_FAILURE);
        }
        state = target;
        stateChangedAt = when;
    }

    /** Hands a waiting order to a handheld task. */
    void reserveFor(String taskId) {
        if (!state.awaitsDelivery() || handheldTaskId != null) {
            throw new DomainException("error.handheld.order.not.waiting", id, state.name());
        }
        handheldTaskId = taskId;
    }

    /** The handheld's result is in: the order is free to move again; {@code failure} is the handheld's error. */
    void releaseFromHandheld(String failure) {
        handheldTaskId = null;
        if (failure != null) {
            lastFailure = failure.length() <= MAX_FAILURE ? failure : failure.substring(0, MAX_FAILURE);
        }
    }

    RechargeOrderView view() {
        return new RechargeOrderView(id, idempotencyKey, meterId, accountId, new Money(amount), new Kwh(kwh),
                new PricePerKwh(price), new Payment(paymentMethod, paymentReference), state, deliveryAttempts,
                lastFailure, createdBy, createdAt, stateChangedAt, new Kwh(emergencyRepaidKwh));
    }

    Long getId() { return id; }
    String getIdempotencyKey() { return idempotencyKey; }
    Long getAccountId() { return accountId; }
    Long getMeterId() { return meterId; }
    Money getAmount() { return new Money(amount); }
    Kwh getKwh() { return new Kwh(kwh); }
    Kwh getEmergencyRepaidKwh() { return new Kwh(emergencyRepaidKwh); }
    PaymentMethod getPaymentMethod() { return paymentMethod; }
    RechargeState getState() { return state; }
    String getHandheldTaskId() { return handheldTaskId; }
}
