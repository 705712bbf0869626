package io.jichao.collection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.jichao.collection.link.PortKey;
import io.jichao.security.CurrentOperator;
import io.jichao.security.Permission;

/**
 * Collection quality per serial port of a collector (issue item 6): the last cycle's success
 * rate and the bus's retries and timeouts from the running engine, and for every meter its last
 * good read from {@code meter_status}, which outlives restarts. Each meter gets an explicit
 * {@link MeterState} so a meter that stopped answering shows as FAILING or STALE, and one that
 * answers but leaves expected items unstored as PARTIAL, never as a quiet row without errors. Site-wide like {@link EngineMonitor}: needs MANAGE_COLLECTORS.
 */
@Service
public class CollectionQualityService {

    /** Where reading a meter stands. */
    public enum MeterState {
        /** Never read successfully (new meter, or it never answered). */
        NEVER_READ,
        /** The last attempt failed. */
        FAILING,
        /** The last attempt succeeded but is older than two read intervals (the shortest enabled schedule's): nobody is reading it. */
        STALE,
        /** The last attempt answered but left expected items unstored ({@code missing}). */
        PARTIAL,
        OK
    }

    /**
     * {@code missing}: items the last read should have stored and did not; {@code unsupported}:
     * items the meter is known not to offer (listed apart, they do not make it PARTIAL).
     */
    public record MeterQuality(long meterId, String address, MeterState state, Instant lastSuccessAt,
                               Instant lastAttemptAt, int consecutiveFailures, String lastError,
                               Set<ReadingItem> missing, Set<ReadingItem> unsupported) {

        public MeterQuality {
            missing = Set.copyOf(missing);
            unsupported = Set.copyOf(unsupported);
        }
    }

    /** {@code lastCycle} is null before the engine's first cycle on the port. */
    public record PortQuality(int portNumber, boolean connected, PortCycle lastCycle, long retries, long timeouts,
                              List<MeterQuality> meters) {

        public PortQuality {
            meters = List.copyOf(meters);
        }
    }

    private final CollectionEngine engine;
    private final CurrentOperator currentOperator;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CollectionScheduleStore schedules;
    private final MeterStatusStore statusStore;

    CollectionQualityService(CollectionEngine engine, CurrentOperator currentOperator, JdbcTemplate jdbc, Clock clock,
                             CollectionScheduleStore schedules, MeterStatusStore statusStore) {
        this.schedules = schedules;
        this.engine = engine;
        this.statusStore = statusStore;
        this.currentOperator = currentOperator;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every port of the collector, in port order; ports are listed even while the engine is off. */
    public List<PortQuality> ports(long collectorId) {
        currentOperator.get().require(Permission.MANAGE_COLLECTORS);
        // States the engine has not written yet (batched, ≤ one flush interval old) go first.
        statusStore.flush();
        Map<Integer, List<MeterQuality>> meters = new LinkedHashMap<>();
        jdbc.query("SELECT port_number FROM serial_port WHERE collector_id = ? ORDER BY port_number",
                row -> {
                    meters.put(row.getInt(1), new ArrayList<>());
                }, collectorId);
        Instant staleBefore = clock.instant().minus(readInterval().multipliedBy(2));
        jdbc.query("""
                SELECT sp.port_number, m.id, m.address, s.last_success_at, s.last_attempt_at,
                       s.consecutive_failures, s.last_error, s.missing_items, s.unsupported_items
                FROM meter m JOIN serial_port sp ON sp.id = m.serial_port_id
                LEFT JOIN meter_status s ON s.meter_id = m.id
                WHERE sp.collector_id = ? ORDER BY sp.port_number, m.address""", row -> {
            Instant success = instant(row.getTimestamp(4));
            int failures = row.getInt(6);
            Set<ReadingItem> missing = ReadingItemList.parse(row.getString(8));
            meters.get(row.getInt(1)).add(new MeterQuality(row.getLong(2), row.getString(3),
                    state(success, failures, staleBefore, missing), success, instant(row.getTimestamp(5)), failures,
                    row.getString(7), missing, ReadingItemList.parse(row.getString(9))));
        }, collectorId);
        Optional<EngineStatus.CollectorStatus> status = engine.running()
                ? engine.status().collectors().stream().filter(c -> c.collectorId() == collectorId).findFirst()
                : Optional.empty();
        return meters.entrySet().stream().map(port -> {
            Optional<EngineStatus.PortStatus> bus = status.flatMap(c -> c.ports().stream()
                    .filter(p -> p.portNumber() == port.getKey()).findFirst());
            return new PortQuality(port.getKey(), bus.map(EngineStatus.PortStatus::connected).orElse(false),
                    engine.lastCycle(new PortKey(collectorId, port.getKey())).orElse(null),
                    bus.map(EngineStatus.PortStatus::retries).orElse(0L),
                    bus.map(EngineStatus.PortStatus::timeouts).orElse(0L), port.getValue());
        }).toList();
    }

    /**
     * How often meters are read: the shortest period of the enabled schedules (any read updates a
     * meter's status), a day when none is enabled.
     */
    private Duration readInterval() {
        return schedules.enabled().stream().map(s -> s.timing().period()).min(Comparator.naturalOrder())
                .orElse(Duration.ofDays(1));
    }

    private static MeterState state(Instant lastSuccess, int consecutiveFailures, Instant staleBefore,
                                    Set<ReadingItem> missing) {
        if (lastSuccess == null) {
            return MeterState.NEVER_READ;
        }
        if (consecutiveFailures > 0) {
            return MeterState.FAILING;
        }
        if (lastSuccess.isBefore(staleBefore)) {
            return MeterState.STALE;
        }
        return missing.isEmpty() ? MeterState.OK : MeterState.PARTIAL;
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
