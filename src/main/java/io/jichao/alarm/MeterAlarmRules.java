package io.jichao.alarm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.jichao.collection.CollectionProperties;
import io.jichao.collection.ItemValue;
import io.jichao.collection.MeterReadEvents;
import io.jichao.collection.MeterReadResult;
import io.jichao.collection.ReadingItem;
import io.jichao.collection.RelayReadBack;
import io.jichao.protocol.dlt645.MeterProfile;
import io.jichao.shared.TimeConfiguration;

/**
 * The alarm rules on meter reads (R17), fed by every read result of the engine in this process
 * ({@link MeterReadEvents#subscribeAll}: cycles and "read now") and by relay read-backs. A rule
 * judges only the items the result holds, so a schedule that does not read an item neither raises
 * nor clears its alarms; each alarm clears when a later read shows its condition has ended.
 *
 * <p>Results are judged on one thread of its own, in arrival order, so the cycle's port threads
 * never wait for the database and the "previous read" of a meter is always the one before.
 * Comparisons with the previous read (power jump, reverse energy) start with the first read after
 * the process started.
 *
 * <p>No event is lost to a database error: a rule moves its "previous read" of a meter only after
 * its alarm write went through, and a result whose judgement failed waits ({@link UnjudgedReads})
 * and is judged again, in order, before the meter's next result and every {@link #RETRY_INTERVAL},
 * so a power jump read while the alarm table was unavailable is still raised once it is back.
 */
@Component
class MeterAlarmRules {

    private static final Logger log = LoggerFactory.getLogger(MeterAlarmRules.class);
    /** How often results that failed on a database error are judged again when no new read comes. */
    static final java.time.Duration RETRY_INTERVAL = java.time.Duration.ofSeconds(10);
    /** The detail of a remaining-energy alarm starts so; {@link AlarmNotifier} reads the kWh back from it. */
    static final String REMAINING_DETAIL = "remaining %s kWh";
    private static final int RELAY_OPEN_BIT = 4;
    private static final int COMMAND_TRIP_BIT = 6;
    private static final List<AlarmKind> REMAINING_KINDS = List.of(AlarmKind.LOW_REMAINING_1,
            AlarmKind.LOW_REMAINING_2, AlarmKind.ZERO_REMAINING);
    private static final List<ReadingItem> VOLTAGES = List.of(ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B,
            ReadingItem.VOLTAGE_C);

    /** The levels of one meter: its own, or the defaults; credit alarms are for prepaid meters only. */
    private record Levels(boolean prepaid, BigDecimal level1, BigDecimal level2) {
    }

    private final MeterReadEvents readEvents;
    private final AlarmRecorder recorder;
    private final AlarmProperties properties;
    private final CollectionProperties collection;
    private final JdbcTemplate jdbc;
    private final Map<Long, BigDecimal> lastPower = new ConcurrentHashMap<>();
    private final Map<Long, BigDecimal> lastReverse = new ConcurrentHashMap<>();
    private final Map<Long, BigDecimal> lastRemaining = new ConcurrentHashMap<>();
    private final Map<Long, Integer> timeouts = new ConcurrentHashMap<>();
    private final Map<Long, BigDecimal> lastTripCount = new ConcurrentHashMap<>();
    private final ScheduledExecutorService judge = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("alarm-rules").factory());
    private final UnjudgedReads unjudged = new UnjudgedReads();
    /** Relay read-backs whose alarm write failed, the newest per meter, judged again with the reads. */
    private final Map<Long, RelayReadBack> unjudgedRelays = new ConcurrentHashMap<>();
    private final Object relayJudgement = new Object();
    private MeterReadEvents.Subscription subscription;

    MeterAlarmRules(MeterReadEvents readEvents, AlarmRecorder recorder, AlarmProperties properties,
                    CollectionProperties collection, JdbcTemplate jdbc) {
        this.readEvents = readEvents;
        this.recorder = recorder;
        this.properties = properties;
        this.collection = collection;
        this.jdbc = jdbc;
    }

    @PostConstruct
    void subscribe() {
        if (properties.rulesEnabled()) {
            subscription = readEvents.subscribeAll(result -> judge.execute(() -> judgeInOrder(result)));
            judge.scheduleWithFixedDelay(this::retryUnjudged, RETRY_INTERVAL.toMillis(), RETRY_INTERVAL.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (subscription != null) {
            subscription.close();
        }
        judge.shutdown();
        judge.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Waits until every result handed over so far has been judged (tests, orderly shutdown). */
    void drain() {
        try {
            judge.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("alarm rules did not catch up", e);
        }
    }

    /** Judges the results that wait for the database now, on the rules' thread (tests; the timer does it too). */
    void retryNow() {
        judge.execute(this::retryUnjudged);
        drain();
    }

    /** How many results wait for the database to be judged again. */
    int unjudgedCount() {
        try {
            return judge.submit(unjudged::size).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("alarm rules did not answer", e);
        }
    }

    /**
     * Forgets every meter's previous read and failure count, as after a restart of the process
     * (tests that start the engine with freshly simulated meters).
     */
    void forget() {
        drain();
        judge.execute(unjudged::clear);
        unjudgedRelays.clear();
        drain();
        lastPower.clear();
        lastReverse.clear();
        lastRemaining.clear();
        timeouts.clear();
        lastTripCount.clear();
    }

    /**
     * A relay command that did not end in the commanded state is a fault on the meter; a later
     * matching read-back clears it.
     */
    @EventListener
    void onRelayReadBack(RelayReadBack readBack) {
        if (!properties.rulesEnabled()) {
            return;
        }
        synchronized (relayJudgement) {
            // A newer read-back of the meter supersedes one still waiting for the database.
            unjudgedRelays.remove(readBack.meterId());
            if (!judgeRelay(readBack)) {
                unjudgedRelays.put(readBack.meterId(), readBack);
            }
        }
    }

    private void retryRelays() {
        for (RelayReadBack waiting : List.copyOf(unjudgedRelays.values())) {
            synchronized (relayJudgement) {
                if (unjudgedRelays.get(waiting.meterId()) == waiting && judgeRelay(waiting)) {
                    unjudgedRelays.remove(waiting.meterId(), waiting);
                }
            }
        }
    }

    /** False when a database error stopped it: the read-back is then judged again later. */
    private boolean judgeRelay(RelayReadBack readBack) {
        AlarmSubject meter = AlarmSubject.meter(readBack.meterId());
        try {
            if (readBack.matches()) {
                recorder.clear(AlarmKind.RELAY_MISMATCH, meter);
            } else {
                recorder.raise(AlarmKind.RELAY_MISMATCH, meter, "%s (%s): expected %s, read %s after %d attempts"
                        .formatted(readBack.command(), readBack.reason(), relay(readBack.expectedOpen()),
                                readBack.observedOpen() == null ? "nothing" : relay(readBack.observedOpen()),
                                readBack.attempts()));
            }
            return true;
        } catch (DataAccessException unavailable) {
            log.warn("Relay read-back of meter {} not judged yet, judged again later: {}", readBack.meterId(),
                    unavailable.getMostSpecificCause().toString());
            return false;
        }
    }

    /** Judges the meter's waiting results first; the new one waits behind them if they still fail. */
    private void judgeInOrder(MeterReadResult result) {
        if (unjudged.isWaiting(result.meterId()) && !unjudged.retry(result.meterId(), this::judgeSafely)) {
            unjudged.add(result);
            return;
        }
        if (!judgeSafely(result)) {
            unjudged.add(result);
        }
    }

    private void retryUnjudged() {
        try {
            retryRelays();
            unjudged.retryAll(this::judgeSafely);
        } catch (RuntimeException e) {
            log.error("Alarm rules could not judge waiting reads again", e);
        }
    }

    /** False when a database error stopped the judgement: the result is to be judged again. */
    private boolean judgeSafely(MeterReadResult result) {
        try {
            judge(result);
            return true;
        } catch (DataAccessException unavailable) {
            log.warn("Alarm rules could not store the alarms of a read of meter {}, judged again later: {}",
                    result.meterId(), unavailable.getMostSpecificCause().toString());
            return false;
        } catch (RuntimeException e) {
            log.error("Alarm rules failed on a read of meter {}", result.meterId(), e);
            return true;
        }
    }

    void judge(MeterReadResult result) {
        long meterId = result.meterId();
        AlarmSubject meter = AlarmSubject.meter(meterId);
        communication(result, meter);
        result.value(ReadingItem.REMAINING_ENERGY).ifPresent(v -> remaining(meterId, meter, v.value()));
        boolean newTripInProgress = result.value(ReadingItem.OVERLOAD_TRIP_COUNT)
                .map(count -> overloadTrips(meterId, meter, count.value(), result)).orElse(false);
        result.value(ReadingItem.RELAY_STATUS).ifPresent(v -> relay(meterId, meter, v.value().intValue(),
                newTripInProgress, result));
        result.value(ReadingItem.ACTIVE_POWER).ifPresent(v -> powerJump(meterId, meter, v.value()));
        result.value(ReadingItem.REVERSE_ENERGY).ifPresent(v -> reverse(meterId, meter, v.value()));
        voltages(result, meter);
        result.value(ReadingItem.METER_TIME).ifPresent(v -> clock(meter, v));
    }

    /** Timeouts count; a lost link is the port's or collector's alarm, not each meter's. */
    private void communication(MeterReadResult result, AlarmSubject meter) {
        if (result.succeeded()) {
            recorder.clear(AlarmKind.METER_COMM_FAILURE, meter);
            timeouts.remove(result.meterId());
            return;
        }
        String failure = result.failure().orElseThrow();
        if (!failure.startsWith("TIMEOUT")) {
            return;
        }
        int failed = timeouts.getOrDefault(result.meterId(), 0) + 1;
        if (failed >= properties.meterFailures()) {
            recorder.raise(AlarmKind.METER_COMM_FAILURE, meter,
                    "%d consecutive reads failed: %s".formatted(failed, failure));
        }
        timeouts.put(result.meterId(), failed);
    }

    /** Credit alarms for prepaid meters; a post-paid meter's remaining register means nothing. */
    private void remaining(long meterId, AlarmSubject meter, BigDecimal kwh) {
        Levels levels = levels(meterId);
        AlarmKind holds = null;
        BigDecimal level = null;
        if (levels.prepaid()) {
            if (kwh.signum() <= 0) {
                holds = AlarmKind.ZERO_REMAINING;
            } else if (kwh.compareTo(levels.level2()) <= 0) {
                holds = AlarmKind.LOW_REMAINING_2;
                level = levels.level2();
            } else if (kwh.compareTo(levels.level1()) <= 0) {
                holds = AlarmKind.LOW_REMAINING_1;
                level = levels.level1();
            }
        }
        for (AlarmKind kind : REMAINING_KINDS) {
            if (kind != holds) {
                recorder.clear(kind, meter);
            }
        }
        if (holds != null) {
            recorder.raise(holds, meter, level == null ? REMAINING_DETAIL.formatted(kwh.toPlainString())
                    : (REMAINING_DETAIL + " ≤ %s kWh").formatted(kwh.toPlainString(), level.toPlainString()));
        }
        if (levels.prepaid()) {
            lastRemaining.put(meterId, kwh);
        }
    }

    /**
     * Status word 3: bit 4 relay open, bit 6 opened by a trip command. Open without a command and
     * with credit left is the meter's own overload trip; its restore (closed again) clears it.
     */
    private void relay(long meterId, AlarmSubject meter, int bits, boolean tripRecorded, MeterReadResult result) {
        boolean open = (bits >>> RELAY_OPEN_BIT & 1) != 0;
        boolean byCommand = (bits >>> COMMAND_TRIP_BIT & 1) != 0;
        BigDecimal remaining = lastRemaining.get(meterId);
        boolean noCredit = remaining != null && remaining.signum() <= 0;
        AlarmKind holds = !open ? null : byCommand || noCredit ? AlarmKind.RELAY_OPEN : AlarmKind.OVERLOAD_TRIP;
        if (holds != AlarmKind.RELAY_OPEN) {
            recorder.clear(AlarmKind.RELAY_OPEN, meter);
        }
        if (holds != AlarmKind.OVERLOAD_TRIP) {
            // The meter's restore record, when read with the status word, tells when power came back.
            Optional<ItemValue> restore = tripRecorded ? Optional.empty()
                    : result.value(ReadingItem.LAST_OVERLOAD_RESTORE);
            if (restore.isPresent()) {
                recorder.clearAt(AlarmKind.OVERLOAD_TRIP, meter, meterInstant(restore.get(), result));
            } else {
                recorder.clear(AlarmKind.OVERLOAD_TRIP, meter);
            }
        }
        if (holds == AlarmKind.RELAY_OPEN) {
            recorder.raise(holds, meter, byCommand ? "relay open by command" : "relay open, no credit");
        } else if (holds == AlarmKind.OVERLOAD_TRIP && !tripRecorded) {
            recorder.raise(holds, meter, "relay open by the meter (overload trip), status word 3 = %04X"
                    .formatted(bits));
        }
    }

    /**
     * The meter's overload trip count and its last trip record (vendor items of the profile):
     * trips since the previous read become alarms even when they started and restored between two
     * reads. A restored last trip is one alarm row raised at the trip and cleared at the restore
     * (POWER_JUMP for a sudden-power trip, else OVERLOAD_TRIP); a trip still in progress is an
     * active OVERLOAD_TRIP raised at the trip's start, cleared later by the closed relay or the
     * restore record. The first read of a meter only sets the count. True when this read raised
     * a trip in progress (the status word rule then does not count it again).
     */
    private boolean overloadTrips(long meterId, AlarmSubject meter, BigDecimal count, MeterReadResult result) {
        BigDecimal previous = lastTripCount.get(meterId);
        boolean inProgress = recordTrips(meter, previous, count, result);
        lastTripCount.put(meterId, count);
        return inProgress;
    }

    private boolean recordTrips(AlarmSubject meter, BigDecimal previous, BigDecimal count, MeterReadResult result) {
        Optional<ItemValue> trip = result.value(ReadingItem.LAST_OVERLOAD_TRIP);
        Optional<ItemValue> restore = result.value(ReadingItem.LAST_OVERLOAD_RESTORE);
        if (previous == null || count.compareTo(previous) <= 0 || trip.isEmpty()) {
            if (previous != null && count.compareTo(previous) == 0 && restore.isPresent()) {
                // No new trip: a restore of the last one ends its alarm (schedules without the status word).
                recorder.clearAt(AlarmKind.OVERLOAD_TRIP, meter, meterInstant(restore.get(), result));
            }
            return false;
        }
        int trips = count.subtract(previous).intValue();
        boolean sudden = trip.get().value().intValue() == MeterProfile.TRIP_CAUSE_SUDDEN_POWER;
        String cause = sudden ? "sudden power" : "maximum power";
        String since = trips == 1 ? "" : ", %d trips since the previous read".formatted(trips);
        Instant tripAt = meterInstant(trip.get(), result);
        if (restore.isPresent()) {
            recorder.recordEnded(sudden ? AlarmKind.POWER_JUMP : AlarmKind.OVERLOAD_TRIP, meter,
                    "overload trip (%s) at %s, restored at %s (meter clock)%s".formatted(cause,
                            trip.get().meterTime(), restore.get().meterTime(), since),
                    tripAt, meterInstant(restore.get(), result), trips);
            return false;
        }
        recorder.raiseSince(AlarmKind.OVERLOAD_TRIP, meter, "overload trip (%s) at %s (meter clock), not restored%s"
                .formatted(cause, trip.get().meterTime(), since), tripAt);
        return true;
    }

    /**
     * A meter-clock time of a reading as an instant of the engine's clock: meters keep the site's
     * local time, and when the same read holds the meter's clock offset (METER_TIME, as the seeded
     * energy schedule does) the offset is taken off, so a drifting meter's trip lands at its real time.
     */
    private static Instant meterInstant(ItemValue value, MeterReadResult result) {
        Instant byMeterClock = value.meterTime().atZone(TimeConfiguration.DISPLAY_ZONE).toInstant();
        return result.value(ReadingItem.METER_TIME)
                .map(offset -> byMeterClock.minusSeconds(offset.value().longValue()))
                .orElse(byMeterClock);
    }

    private void powerJump(long meterId, AlarmSubject meter, BigDecimal kw) {
        BigDecimal previous = lastPower.get(meterId);
        if (previous == null) {
            lastPower.put(meterId, kw);
            return;
        }
        BigDecimal rise = kw.subtract(previous);
        if (rise.compareTo(properties.powerJumpKw()) > 0) {
            recorder.raise(AlarmKind.POWER_JUMP, meter, "active power %s → %s kW (limit +%s kW)".formatted(
                    previous.toPlainString(), kw.toPlainString(), properties.powerJumpKw().toPlainString()));
        } else {
            recorder.clear(AlarmKind.POWER_JUMP, meter);
        }
        lastPower.put(meterId, kw);
    }

    private void reverse(long meterId, AlarmSubject meter, BigDecimal kwh) {
        BigDecimal previous = lastReverse.get(meterId);
        if (previous == null) {
            lastReverse.put(meterId, kwh);
            return;
        }
        if (kwh.compareTo(previous) > 0) {
            recorder.raise(AlarmKind.REVERSE_ENERGY, meter, "reverse active energy %s → %s kWh".formatted(
                    previous.toPlainString(), kwh.toPlainString()));
        } else {
            recorder.clear(AlarmKind.REVERSE_ENERGY, meter);
        }
        lastReverse.put(meterId, kwh);
    }

    private void voltages(MeterReadResult result, AlarmSubject meter) {
        List<String> outside = new ArrayList<>();
        boolean any = false;
        for (ReadingItem phase : VOLTAGES) {
            Optional<ItemValue> value = result.value(phase);
            if (value.isEmpty()) {
                continue;
            }
            any = true;
            BigDecimal volts = value.get().value();
            if (volts.compareTo(properties.voltageMin()) < 0 || volts.compareTo(properties.voltageMax()) > 0) {
                outside.add(phase.name().substring("VOLTAGE_".length()) + " " + volts.toPlainString() + " V");
            }
        }
        if (!any) {
            return;
        }
        if (outside.isEmpty()) {
            recorder.clear(AlarmKind.VOLTAGE_OUT_OF_RANGE, meter);
        } else {
            recorder.raise(AlarmKind.VOLTAGE_OUT_OF_RANGE, meter, "%s outside %s..%s V".formatted(
                    String.join(", ", outside), properties.voltageMin().toPlainString(),
                    properties.voltageMax().toPlainString()));
        }
    }

    private void clock(AlarmSubject meter, ItemValue offset) {
        long seconds = offset.value().longValue();
        long threshold = collection.clocks().driftThreshold().toSeconds();
        if (Math.abs(seconds) > threshold) {
            recorder.raise(AlarmKind.CLOCK_DRIFT, meter, "meter clock off by %d s (limit %d s)"
                    .formatted(seconds, threshold));
        } else {
            recorder.clear(AlarmKind.CLOCK_DRIFT, meter);
        }
    }

    private Levels levels(long meterId) {
        List<Levels> rows = jdbc.query(
                "SELECT billing_mode, alarm_level1_kwh, alarm_level2_kwh FROM meter WHERE id = ?",
                (row, n) -> new Levels("PREPAID".equals(row.getString(1)),
                        Optional.ofNullable(row.getBigDecimal(2)).orElse(properties.level1Kwh()),
                        Optional.ofNullable(row.getBigDecimal(3)).orElse(properties.level2Kwh())), meterId);
        return rows.isEmpty() ? new Levels(false, properties.level1Kwh(), properties.level2Kwh()) : rows.getFirst();
    }

    private static String relay(boolean open) {
        return open ? "open" : "closed";
    }
}
