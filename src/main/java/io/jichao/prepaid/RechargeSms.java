package io.jichao.prepaid;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.notify.NotificationService;

/**
 * The SMS receipt of a confirmed recharge (issue 5 item 9): amount, kWh and the meter's remaining
 * energy after it, queued to every number of the household in the transaction that confirms the
 * order. The de-duplication key is the order, so the same confirmation twice sends nothing more.
 */
@Component
class RechargeSms {

    static final String TEMPLATE = "sms.recharge.confirmed";
    static final String TEMPLATE_WITHOUT_REMAINING = "sms.recharge.confirmed.no-remaining";

    private final NotificationService notifications;
    private final JdbcTemplate jdbc;

    RechargeSms(NotificationService notifications, JdbcTemplate jdbc) {
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    static String dedupKey(long orderId) {
        return "recharge-order:" + orderId;
    }

    /**
     * Queues the receipt. {@code remainingAfter} is the read-back figure when the caller has it (a
     * handheld result); otherwise the engine's read-back in {@code recharge_delivery} (by table:
     * prepaid does not depend on collection), and without one the text leaves the figure out.
     */
    void confirmed(RechargeOrder order, BigDecimal remainingAfter) {
        BigDecimal remaining = remainingAfter != null ? remainingAfter : readBack(order.getId());
        Map<String, String> values = remaining == null
                ? Map.of("amount", order.getAmount().toString(), "kwh", order.getKwh().toString())
                : Map.of("amount", order.getAmount().toString(), "kwh", order.getKwh().toString(),
                        "remaining", remaining.setScale(2, java.math.RoundingMode.DOWN).toPlainString());
        notifications.toHousehold(order.getMeterId(), remaining == null ? TEMPLATE_WITHOUT_REMAINING : TEMPLATE, values,
                dedupKey(order.getId()));
    }

    private BigDecimal readBack(long orderId) {
        List<BigDecimal> found = jdbc.queryForList("SELECT remaining_after FROM recharge_delivery WHERE order_id = ?",
                BigDecimal.class, orderId);
        return found.isEmpty() ? null : found.get(0);
    }
}
