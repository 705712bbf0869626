/**
 * The recharge workflow page for clerks (R4): find a household, enter money or energy with a live
 * price preview, choose the payment, confirm, follow the order to the meter and print its receipt.
 * Thin over {@code RechargeService}, {@code AccountService} and {@code ReceiptService}.
 */
package io.jichao.prepaid.ui;
