package io.jichao.kiosk;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.LoginSupport;

/**
 * Kiosks and households of the kiosk tests. Rooms are the building code plus digits only (what a
 * resident types on the keypad), with a per-run part: all test classes share one database.
 */
public final class KioskFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 9_000) + 1_000);

    /** @param typedRoom what the resident types: the room without the building code */
    public record TestHousehold(long meterId, long householdId, long buildingId, String room, String typedRoom,
                                String name) {
    }

    private final MeterService meters;
    private final SiteStructureService structure;
    private final KioskDeviceService devices;
    private final ResidentPinService pins;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;

    public KioskFixtures(MeterService meters, SiteStructureService structure, KioskDeviceService devices,
                         ResidentPinService pins, UserDetailsService users, JdbcTemplate jdbc) {
        this.meters = meters;
        this.structure = structure;
        this.devices = devices;
        this.pins = pins;
        this.users = users;
        this.jdbc = jdbc;
    }

    public long buildingId(String code) {
        LoginSupport.loginAs(users, "super");
        try {
            return structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().id();
        } finally {
            LoginSupport.logout();
        }
    }

    /** A prepaid household in the building, with a PIN when {@code pin} is not null. */
    public TestHousehold household(String buildingCode, String pin) {
        long buildingId = buildingId(buildingCode);
        int n = SEQUENCE.incrementAndGet();
        String typed = RUN + String.format("%03d", n);
        String room = buildingCode + typed;
        String name = "住户" + typed;
        LoginSupport.loginAs(users, "super");
        try {
            long meterId = meters.create(new MeterDraft("79" + RUN + String.format("%06d", n), null,
                    MeterProtocol.DLT645_2007, Phase.SINGLE, BillingMode.PREPAID, buildingId, null, null, null, 1, 1,
                    new BigDecimal("10"), null, null, room, name, List.of("137" + RUN + String.format("%04d", n))));
            if (pin != null) {
                pins.setPin(meterId, pin);
            }
            long householdId = jdbc.queryForObject("SELECT household_id FROM meter WHERE id = ?", Long.class, meterId);
            return new TestHousehold(meterId, householdId, buildingId, room, typed, name);
        } finally {
            LoginSupport.logout();
        }
    }

    public IssuedKiosk registerKiosk(String buildingCode) {
        long buildingId = buildingId(buildingCode);
        LoginSupport.loginAs(users, "super");
        try {
            return devices.register(buildingId, "Kiosk " + buildingCode + " " + SEQUENCE.incrementAndGet());
        } finally {
            LoginSupport.logout();
        }
    }

    public void revoke(long deviceId) {
        LoginSupport.loginAs(users, "super");
        try {
            devices.revoke(deviceId);
        } finally {
            LoginSupport.logout();
        }
    }

    /** A phone link token with the given expiry (in the past for an expired link). */
    public static String phoneToken(PhoneLinks links, Resident resident, Instant expires) {
        return links.issue(resident, expires);
    }

    /** A recharge order of the household as the recharge service stores it (account opened if missing). */
    public void recharge(TestHousehold household, String yuan, String kwh, String state, Instant at) {
        jdbc.update("INSERT IGNORE INTO prepaid_account (household_id, opened_at) VALUES (?, ?)",
                household.householdId(), Timestamp.from(at));
        long accountId = jdbc.queryForObject("SELECT id FROM prepaid_account WHERE household_id = ?", Long.class,
                household.householdId());
        jdbc.update("""
                INSERT INTO recharge_order (idempotency_key, account_id, meter_id, amount, kwh, price, payment_method,
                    state, created_by, created_at, state_changed_at)
                VALUES (?, ?, ?, ?, ?, 0.5000, 'CASH', ?, 'clerk', ?, ?)""",
                UUID.randomUUID().toString(), accountId, household.meterId(), new BigDecimal(yuan), new BigDecimal(kwh),
                state, Timestamp.from(at), Timestamp.from(at));
    }

    /** A remaining-energy reading as the engine stores it. */
    public void remaining(long meterId, String kwh, Instant readAt) {
        jdbc.update("INSERT INTO reading (meter_id, item, value, meter_time, read_at, source) VALUES (?, 'REMAINING_ENERGY', ?, NULL, ?, 'CYCLE')",
                meterId, new BigDecimal(kwh), Timestamp.from(readAt));
    }

    /** Closing register values of consecutive days from {@code first}; a null leaves that day without a row. */
    public void dailyClosings(long meterId, LocalDate first, String... registers) {
        for (int i = 0; i < registers.length; i++) {
            if (registers[i] != null) {
                LocalDate day = first.plusDays(i);
                jdbc.update("INSERT INTO energy_daily (meter_id, day, register_kwh, taken_at, backfilled) VALUES (?, ?, ?, ?, FALSE)",
                        meterId, day, new BigDecimal(registers[i]),
                        LocalDateTime.of(day.minusDays(1), java.time.LocalTime.of(15, 59)).atOffset(ZoneOffset.UTC).toLocalDateTime());
            }
        }
    }
}
