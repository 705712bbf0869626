package io.jichao.prepaid;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;

/**
 * Delivery reports from the collection engine (its {@link RechargeDelivery} implementation). These
 * run for the system, not for a logged-in operator, and are not reachable from views. Each report
 * locks the order row so a cancel and a send can never both win, and publishes a
 * {@link RechargeOrderChanged} that reaches the open pages of the meter after the commit.
 */
@Service
public class RechargeProgress {

    static final String SYSTEM = "system";

    private final RechargeOrderRepository orders;
    private final AuditTrail audit;
    private final RechargeSms sms;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    RechargeProgress(RechargeOrderRepository orders, AuditTrail audit, RechargeSms sms, Clock clock,
                     ApplicationEventPublisher events) {
        this.orders = orders;
        this.events = events;
        this.audit = audit;
        this.sms = sms;
        this.clock = clock;
    }

    /** The engine wrote the recharge to the meter (or is about to); it can no longer be cancelled. */
    @Transactional
    public RechargeOrderView markSent(long orderId) {
        return move(orderId, RechargeState.SENT, null);
    }

    /** A read-back showed the meter holds the energy. */
    @Transactional
    public RechargeOrderView markConfirmed(long orderId) {
        return move(orderId, RechargeState.CONFIRMED, null);
    }

    /** The write or read-back failed; the order waits for the engine to send it again. */
    @Transactional
    public RechargeOrderView markFailed(long orderId, String reason) {
        return move(orderId, RechargeState.FAILED_RETRYING, reason == null ? "unknown" : reason);
    }

    /**
     * Orders that still need delivering, oldest first: what the engine picks up after a restart.
     * Orders handed to a handheld task are left out until its result file is imported.
     */
    @Transactional(readOnly = true)
    public List<RechargeInstruction> awaitingDelivery(int limit) {
        return orders.findByStateInAndHandheldTaskIdIsNullOrderByIdAsc(EnumSet.of(RechargeState.CREATED, RechargeState.FAILED_RETRYING),
                        Limit.of(limit)).stream()
                .map(o -> new RechargeInstruction(o.getId(), o.getMeterId(), o.getKwh()))
                .toList();
    }

    /**
     * Orders left SENT, oldest first. In the one engine process they are orders a previous run of
     * that process was delivering when it stopped: the engine reads the meter back before anything
     * else, because the write may have landed.
     */
    @Transactional(readOnly = true)
    public List<RechargeInstruction> leftSent(int limit) {
        return orders.findByStateInOrderByIdAsc(EnumSet.of(RechargeState.SENT), Limit.of(limit)).stream()
                .map(o -> new RechargeInstruction(o.getId(), o.getMeterId(), o.getKwh()))
                .toList();
    }

    /** The order as it is now, for the engine to see that it was cancelled or confirmed meanwhile. */
    @Transactional(readOnly = true)
    public Optional<RechargeOrderView> find(long orderId) {
        return orders.findById(orderId).map(RechargeOrder::view);
    }

    /** A read-back showed the meter holds the energy; {@code note} (the figures) goes to the audit. */
    @Transactional
    public RechargeOrderView markConfirmed(long orderId, String note) {
        RechargeOrderView confirmed = move(orderId, RechargeState.CONFIRMED, null);
        if (note != null) {
            audit.record(SYSTEM, "RECHARGE_READBACK", "meter " + confirmed.meterId(), "order " + orderId + ": " + note);
        }
        return confirmed;
    }

    private RechargeOrderView move(long orderId, RechargeState target, String failure) {
        RechargeOrder order = orders.lockById(orderId).orElseThrow(() -> new DomainException("error.recharge.not.found"));
        RechargeState from = order.getState();
        order.moveTo(target, clock.instant(), failure);
        audit.record(SYSTEM, "RECHARGE_" + target.name(), "meter " + order.getMeterId(),
                "order " + orderId + " " + from + " -> " + target + (failure == null ? "" : ": " + failure));
        if (target == RechargeState.CONFIRMED) {
            sms.confirmed(order, null);
        }
        events.publishEvent(new RechargeOrderChanged(orderId, order.getMeterId(), target));
        return order.view();
    }
}
