/**
 * Prepaid pages. The recharge workflow for clerks (R4): find a household, enter money or energy
 * with a live price preview, choose the payment, confirm, follow the order to the meter and print
 * its receipt, thin over {@code RechargeService}, {@code AccountService} and {@code ReceiptService}.
 * The handheld tasks page: export a district's waiting orders for a handheld unit and import its
 * results, thin over {@code HandheldTaskService}.
 */
package io.jichao.prepaid.ui;
