/**
 * Prepaid core (R3, R4): tariff groups with dated versions (flat, time-of-use, stepped), the pure
 * {@link io.jichao.prepaid.TariffCalculator}, one account per household with an append-only ledger
 * whose balance is always a sum, and idempotent recharge orders with explicit states. Delivery of
 * credit to meters is not done here: the collection engine implements the
 * {@link io.jichao.prepaid.RechargeDelivery} port and reports back through
 * {@link io.jichao.prepaid.RechargeProgress}. Meters the engine cannot reach get their recharges
 * by handheld unit: {@link io.jichao.prepaid.HandheldTaskService} exports signed task files and
 * imports the handheld's result files ({@link io.jichao.prepaid.HandheldFile}).
 */
package io.jichao.prepaid;
