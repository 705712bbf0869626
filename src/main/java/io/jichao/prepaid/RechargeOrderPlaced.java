package io.jichao.prepaid;

/**
 * Published (Spring application event, after the order's transaction committed) when a clerk's
 * recharge order is placed, so live figures such as the home page's sales and open orders can be
 * read again. Later changes of the order are {@link RechargeOrderChanged}.
 */
public record RechargeOrderPlaced(long orderId, long meterId) {
}
