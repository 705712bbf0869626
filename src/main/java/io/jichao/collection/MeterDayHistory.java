package io.jichao.collection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One meter's day, hour by hour in Asia/Shanghai (R12: disputes). A value is null where no
 * reading covers that hour: missing data is shown as missing, never as zero.
 *
 * @param energyKwh  energy used in the hour: the last forward-energy reading of the hour minus the
 *                   last one of the hour before
 * @param averageKw  mean of the active-power readings taken in the hour
 * @param maximumKw  largest active-power reading taken in the hour
 */
public record MeterDayHistory(long meterId, LocalDate day, List<Hour> hours) {

    public record Hour(LocalDateTime start, BigDecimal energyKwh, BigDecimal averageKw, BigDecimal maximumKw) {
    }
}
