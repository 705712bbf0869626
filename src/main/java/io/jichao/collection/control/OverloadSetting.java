package io.jichao.collection.control;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A meter's overload parameters in kW: desired, last written, last verified by read-back.
 * {@code state} is null for a meter nobody has set parameters for yet.
 */
public record OverloadSetting(long meterId, String address, BigDecimal desiredMaxPowerKw,
                              BigDecimal desiredSuddenPowerKw, BigDecimal writtenMaxPowerKw,
                              BigDecimal writtenSuddenPowerKw, BigDecimal verifiedMaxPowerKw,
                              BigDecimal verifiedSuddenPowerKw, OverloadState state, int attempts, String lastError,
                              String requestedBy, Instant requestedAt, Instant finishedAt) {
}
