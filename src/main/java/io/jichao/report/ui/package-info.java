/** The report pages: energy reports with comparison, line loss with the hierarchy tree, the daily and low-remaining lists. */
package io.jichao.report.ui;
