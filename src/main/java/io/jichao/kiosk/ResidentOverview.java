package io.jichao.kiosk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.jichao.shared.Kwh;
import io.jichao.shared.Money;

/**
 * What the resident view shows.
 *
 * @param remaining    the meter's own remaining prepaid energy, as last read (empty before the first read)
 * @param daysLeft     remaining ÷ average daily use of the last 7 full days with data (empty without usage)
 * @param usage        the last 30 full days, oldest first; a day without data has an empty usage
 * @param recharges    the most recent recharges, newest first
 */
public record ResidentOverview(String room, String householdName, Optional<Remaining> remaining,
                               Optional<BigDecimal> daysLeft, List<DayUsage> usage, List<Recharge> recharges) {

    public record Remaining(Kwh energy, Instant readAt) {
    }

    public record DayUsage(LocalDate day, Optional<Kwh> kwh) {
    }

    /** @param state the name of the order's {@code RechargeState} */
    public record Recharge(Instant at, Money amount, Kwh kwh, String state) {
    }
}
