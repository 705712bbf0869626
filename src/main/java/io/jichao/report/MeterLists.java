package io.jichao.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rows of the daily usage report and the low-remaining-energy list. */
public final class MeterLists {

    private MeterLists() {
    }

    /** Where a meter is and who lives there. */
    public record MeterPlace(long meterId, String address, String building, String room, String household) {
    }

    /**
     * A meter's day (R8).
     *
     * @param usage         the day's energy after CT × PT; missing when a closing is missing
     * @param remainingKwh  the meter's latest remaining energy read before the day's end; null if none
     * @param remainingAt   when that value was read
     */
    public record DailyUsage(MeterPlace meter, EnergyFigure usage, BigDecimal remainingKwh, Instant remainingAt) {
    }

    public record DailyUsageReport(LocalDate day, List<DailyUsage> rows, EnergyFigure total) {
    }

    /**
     * A prepaid meter low on energy (R21).
     *
     * @param threshold the chosen threshold, or the meter's alarm level 1 when none was chosen
     */
    public record LowRemaining(MeterPlace meter, String phone, BigDecimal remainingKwh, BigDecimal threshold,
                               Instant readAt) {
    }

    /** The list as of {@code at}; {@code threshold} null means each meter's own alarm level 1. */
    public record LowRemainingReport(Instant at, BigDecimal threshold, List<LowRemaining> rows) {
    }
}
