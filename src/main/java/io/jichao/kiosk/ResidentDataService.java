package io.jichao.kiosk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.collection.EnergyUsageService;
import io.jichao.collection.IntervalUsage;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.Money;
import io.jichao.shared.TimeConfiguration;

/**
 * The data of the resident view, for the one household a kiosk session identified and nothing
 * else: every call checks again that the kiosk is still registered, that the household is in the
 * kiosk's building and (phone links) that the link has not expired.
 *
 * <p>Remaining energy is the meter's own register (DL/T 645 {@code 00900100}, stored as
 * {@code REMAINING_ENERGY} readings): a prepaid meter holds the credit and counts it down, while
 * the ledger only knows what was bought, so the reading is what the resident has left.
 */
@Service
public class ResidentDataService {

    static final int CHART_DAYS = 30;
    static final int ESTIMATE_DAYS = 7;
    static final int RECENT_RECHARGES = 5;

    private final KioskDeviceService devices;
    private final EnergyUsageService energy;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ResidentDataService(KioskDeviceService devices, EnergyUsageService energy, JdbcTemplate jdbc, Clock clock) {
        this.devices = devices;
        this.energy = energy;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ResidentOverview overview(Resident resident) {
        check(resident);
        Optional<Long> meter = jdbc.query("""
                SELECT id FROM meter WHERE household_id = ? AND state = 'ACTIVE' AND protocol <> 'MODBUS_RTU'
                ORDER BY billing_mode = 'PREPAID' DESC, id LIMIT 1""",
                (row, n) -> row.getLong(1), resident.householdId()).stream().findFirst();
        LocalDate today = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
        Optional<ResidentOverview.Remaining> remaining = meter.flatMap(this::remaining);
        List<ResidentOverview.DayUsage> usage = meter
                .map(id -> energy.dailyOfCheckedMeter(id, today.minusDays(CHART_DAYS), today.minusDays(1)))
                .orElse(List.of()).stream()
                .map(day -> new ResidentOverview.DayUsage(
                        LocalDate.ofInstant(day.start(), TimeConfiguration.DISPLAY_ZONE), day.usage()))
                .toList();
        Optional<BigDecimal> daysLeft = remaining.flatMap(left -> daysLeft(left.energy(), usage));
        return new ResidentOverview(resident.room(), resident.name(), remaining, daysLeft, usage,
                recharges(resident.householdId()));
    }

    /** Remaining ÷ mean of the last {@value #ESTIMATE_DAYS} days that have data; missing days do not count as zero. */
    static Optional<BigDecimal> daysLeft(Kwh remaining, List<ResidentOverview.DayUsage> usage) {
        List<BigDecimal> recent = usage.subList(Math.max(0, usage.size() - ESTIMATE_DAYS), usage.size()).stream()
                .flatMap(day -> day.kwh().stream())
                .map(Kwh::value)
                .toList();
        if (recent.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal average = recent.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(recent.size()), 4, RoundingMode.HALF_UP);
        if (average.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal left = remaining.value().max(BigDecimal.ZERO);
        return Optional.of(left.divide(average, 0, RoundingMode.DOWN));
    }

    private Optional<ResidentOverview.Remaining> remaining(long meterId) {
        return jdbc.query("""
                SELECT value, read_at FROM reading WHERE meter_id = ? AND item = 'REMAINING_ENERGY'
                ORDER BY read_at DESC, id DESC LIMIT 1""",
                (row, n) -> new ResidentOverview.Remaining(Kwh.rounded(row.getBigDecimal(1), RoundingMode.HALF_UP),
                        row.getTimestamp(2).toInstant()), meterId).stream().findFirst();
    }

    private List<ResidentOverview.Recharge> recharges(long householdId) {
        return jdbc.query("""
                SELECT o.created_at, o.amount, o.kwh, o.state FROM recharge_order o
                JOIN prepaid_account a ON a.id = o.account_id
                WHERE a.household_id = ? ORDER BY o.id DESC LIMIT ?""",
                (row, n) -> new ResidentOverview.Recharge(row.getTimestamp(1).toInstant(),
                        new Money(row.getBigDecimal(2)), new Kwh(row.getBigDecimal(3)), row.getString(4)),
                householdId, RECENT_RECHARGES);
    }

    /** Refuses a resident whose kiosk was revoked, who is not of its building, or whose link expired. */
    void check(Resident resident) {
        Instant now = clock.instant();
        if (resident.validUntil() != null && !now.isBefore(resident.validUntil())) {
            throw new DomainException("error.kiosk.link.expired");
        }
        KioskTerminal kiosk = devices.active(resident.deviceId())
                .orElseThrow(() -> new DomainException("error.kiosk.not.registered"));
        Long building = jdbc.query("SELECT building_id FROM household WHERE id = ?", (row, n) -> row.getLong(1),
                resident.householdId()).stream().findFirst().orElse(null);
        if (building == null || building != kiosk.buildingId() || kiosk.buildingId() != resident.buildingId()) {
            throw new DomainException("error.kiosk.not.registered");
        }
    }
}
