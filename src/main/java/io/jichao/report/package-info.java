/**
 * Energy reports (R8), line loss over the meter hierarchy (R14) and the daily usage and
 * low-remaining-energy lists (R21), read from the collection engine's energy aggregates with
 * set-based SQL, district-scoped through {@code CurrentOperator}, exported as XLSX and PDF.
 */
package io.jichao.report;
