package io.jichao.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.archive.SiteStructureService;
import io.jichao.collection.EnergyFixtures;
import io.jichao.shared.TimeConfiguration;
import io.jichao.testing.LoginSupport;

/**
 * A building of the report tests' own (with a floor and a box), so building totals are exactly the
 * fixtures' and the demo park stays as it is; codes and addresses carry a per-run prefix because all
 * test classes share one database.
 */
public final class ReportFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    public static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    private final MeterService meters;
    private final SiteStructureService structure;
    private final UserDetailsService users;
    private final JdbcTemplate jdbc;
    public final EnergyFixtures energy;
    public final BuildingView building;
    public final FloorView floor;
    public final BoxView box;

    public ReportFixtures(MeterService meters, SiteStructureService structure, UserDetailsService users, JdbcTemplate jdbc) {
        this.meters = meters;
        this.structure = structure;
        this.users = users;
        this.jdbc = jdbc;
        this.energy = new EnergyFixtures(jdbc);
        LoginSupport.loginAs(users, "super");
        int n = SEQUENCE.incrementAndGet();
        building = structure.createBuilding("R" + RUN + "-" + n, "报表楼" + n, null);
        floor = structure.createFloor(building.id(), 1, "一层");
        box = structure.createBox(floor.id(), "X" + n, "一号表箱");
        LoginSupport.logout();
    }

    /** A meter in the fixture building (in the box when {@code inBox}) with its own household. */
    public long meter(String householdName, int ctRatio, boolean inBox) {
        return meter(building.id(), householdName, ctRatio, inBox ? box.id() : null, null);
    }

    public long meter(long buildingId, String householdName, int ctRatio, Long boxId, BigDecimal alarmLevel1) {
        return meter(buildingId, null, householdName, ctRatio, boxId, alarmLevel1);
    }

    /** A meter of the household in {@code room} of the fixture building (a new household if the room is new). */
    public long meterInRoom(String room, String householdName) {
        return meter(building.id(), room, householdName, 1, null, null);
    }

    /** Removes the meter as the archive does, then dates the removal back to {@code at}. */
    public void removedAt(long meterId, Instant at) {
        LoginSupport.loginAs(users, "super");
        meters.remove(meterId);
        LoginSupport.logout();
        jdbc.update("UPDATE meter SET removed_at = ? WHERE id = ?", Timestamp.from(at), meterId);
    }

    private long meter(long buildingId, String room, String householdName, int ctRatio, Long boxId,
                       BigDecimal alarmLevel1) {
        LoginSupport.loginAs(users, "super");
        int n = SEQUENCE.incrementAndGet();
        String address = "66" + RUN + String.format("%05d", n);
        long id = meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE,
                BillingMode.PREPAID, buildingId, boxId == null ? null : floor.id(), boxId, null, ctRatio, 1,
                new BigDecimal("10"), alarmLevel1, null, room == null ? "R" + n : room, householdName, List.of("1390000" + String.format("%04d", n))));
        LoginSupport.logout();
        return id;
    }

    public String address(long meterId) {
        return jdbc.queryForObject("SELECT address FROM meter WHERE id = ?", String.class, meterId);
    }

    public long householdOf(long meterId) {
        return jdbc.queryForObject("SELECT household_id FROM meter WHERE id = ?", Long.class, meterId);
    }

    /** A register value taken at 23:00 Shanghai of the day: that day's closing. */
    public void closing(long meterId, LocalDate day, String kwh) {
        energy.read(meterId, day.atTime(23, 0).atZone(TimeConfiguration.DISPLAY_ZONE).toInstant(), kwh);
    }

    public void remaining(long meterId, Instant at, String kwh) {
        jdbc.update("INSERT INTO reading (meter_id, item, value, meter_time, read_at, source) VALUES (?, 'REMAINING_ENERGY', ?, NULL, ?, 'CYCLE')",
                meterId, new BigDecimal(kwh), Timestamp.from(at));
    }

    public long buildingId(String code) {
        return jdbc.queryForObject("SELECT id FROM building WHERE code = ?", Long.class, code);
    }
}
