package io.jichao.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code collection_schedule} rows and their collectors (Liquibase 0007). No operator checks
 * here: {@link CollectionScheduleService} does those, the dispatcher acts for the whole site.
 */
@Component
class CollectionScheduleStore {

    private static final String SELECT = """
            SELECT id, name, enabled, items, interval_minutes, daily_at, last_started_at, last_finished_at,
                   last_total, last_succeeded, last_failed, next_run_at, last_partial, last_not_included,
                   last_partial_meters, last_unreached_meters, last_not_included_meters, last_missing_items
            FROM collection_schedule""";

    private final JdbcTemplate jdbc;

    CollectionScheduleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<CollectionSchedule> all() {
        return withCollectors(jdbc.query(SELECT + " ORDER BY name, id", CollectionScheduleStore::row));
    }

    List<CollectionSchedule> enabled() {
        return withCollectors(jdbc.query(SELECT + " WHERE enabled = TRUE ORDER BY id", CollectionScheduleStore::row));
    }

    Optional<CollectionSchedule> find(long id) {
        return withCollectors(jdbc.query(SELECT + " WHERE id = ?", CollectionScheduleStore::row, id))
                .stream().findFirst();
    }

    long insert(ScheduleDraft draft, Instant nextRunAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    INSERT INTO collection_schedule (name, enabled, items, interval_minutes, daily_at, next_run_at)
                    VALUES (?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            statement.setString(1, draft.name());
            statement.setBoolean(2, draft.enabled());
            statement.setString(3, items(draft.items()));
            statement.setObject(4, minutes(draft.timing()));
            statement.setObject(5, timeOfDay(draft.timing()));
            statement.setTimestamp(6, timestamp(nextRunAt));
            return statement;
        }, keys);
        long id = keys.getKey().longValue();
        insertCollectors(id, draft.collectorIds());
        return id;
    }

    void update(long id, ScheduleDraft draft, Instant nextRunAt) {
        jdbc.update("""
                UPDATE collection_schedule SET name = ?, enabled = ?, items = ?, interval_minutes = ?, daily_at = ?,
                       next_run_at = ? WHERE id = ?""", draft.name(), draft.enabled(), items(draft.items()),
                minutes(draft.timing()), timeOfDay(draft.timing()), timestamp(nextRunAt), id);
        jdbc.update("DELETE FROM collection_schedule_collector WHERE schedule_id = ?", id);
        insertCollectors(id, draft.collectorIds());
    }

    void setEnabled(long id, boolean enabled, Instant nextRunAt) {
        jdbc.update("UPDATE collection_schedule SET enabled = ?, next_run_at = ? WHERE id = ?", enabled,
                timestamp(nextRunAt), id);
    }

    void plan(long id, Instant nextRunAt) {
        jdbc.update("UPDATE collection_schedule SET next_run_at = ? WHERE id = ?", timestamp(nextRunAt), id);
    }

    void delete(long id) {
        jdbc.update("DELETE FROM collection_schedule_collector WHERE schedule_id = ?", id);
        jdbc.update("DELETE FROM collection_schedule WHERE id = ?", id);
    }

    /** A run has started: the previous counts are cleared so nobody mistakes them for this run's. */
    void started(long id, Instant startedAt) {
        jdbc.update("""
                UPDATE collection_schedule SET last_started_at = ?, last_finished_at = NULL, last_total = NULL,
                       last_succeeded = NULL, last_failed = NULL, last_partial = NULL, last_not_included = NULL,
                       last_partial_meters = NULL, last_unreached_meters = NULL, last_not_included_meters = NULL,
                       last_missing_items = NULL WHERE id = ?""", timestamp(startedAt), id);
    }

    void finished(long id, CycleProgress run, Instant nextRunAt) {
        CycleCoverage coverage = run.coverage();
        jdbc.update("""
                UPDATE collection_schedule SET last_finished_at = ?, last_total = ?, last_succeeded = ?, last_failed = ?,
                       next_run_at = ?, last_partial = ?, last_not_included = ?, last_partial_meters = ?,
                       last_unreached_meters = ?, last_not_included_meters = ?, last_missing_items = ? WHERE id = ?""",
                timestamp(run.finished()), run.total(), run.succeeded(), run.failed(), timestamp(nextRunAt),
                coverage.partial(), coverage.notIncluded(), addresses(coverage.partialMeters()),
                addresses(coverage.unreachedMeters()), addresses(coverage.notIncludedMeters()),
                ReadingItemList.format(coverage.missingItems()), id);
    }

    private void insertCollectors(long id, Set<Long> collectorIds) {
        jdbc.batchUpdate("INSERT INTO collection_schedule_collector (schedule_id, collector_id) VALUES (?, ?)",
                List.copyOf(collectorIds), collectorIds.size(), (statement, collectorId) -> {
                    statement.setLong(1, id);
                    statement.setLong(2, collectorId);
                });
    }

    private List<CollectionSchedule> withCollectors(List<CollectionSchedule> schedules) {
        if (schedules.isEmpty()) {
            return schedules;
        }
        Map<Long, Set<Long>> collectors = new HashMap<>();
        jdbc.query("SELECT schedule_id, collector_id FROM collection_schedule_collector", row -> {
            collectors.computeIfAbsent(row.getLong(1), key -> new HashSet<>()).add(row.getLong(2));
        });
        return schedules.stream().map(s -> new CollectionSchedule(s.id(), s.name(), s.enabled(), s.items(), s.timing(),
                collectors.getOrDefault(s.id(), Set.of()), s.lastRun(), s.nextRunAt())).toList();
    }

    private static CollectionSchedule row(ResultSet row, int number) throws SQLException {
        Integer minutes = row.getObject(5, Integer.class);
        LocalTime daily = row.getObject(6, LocalTime.class);
        ScheduleTiming timing = minutes != null ? new ScheduleTiming.Every(minutes) : new ScheduleTiming.DailyAt(daily);
        Instant started = instant(row.getTimestamp(7));
        CollectionSchedule.LastRun lastRun = started == null ? null : new CollectionSchedule.LastRun(started,
                instant(row.getTimestamp(8)), row.getObject(9, Integer.class), row.getObject(10, Integer.class),
                row.getObject(11, Integer.class), coverage(row));
        return new CollectionSchedule(row.getLong(1), row.getString(2), row.getBoolean(3), items(row.getString(4)),
                timing, Set.of(), lastRun, instant(row.getTimestamp(12)));
    }

    private static CycleCoverage coverage(ResultSet row) throws SQLException {
        Integer partial = row.getObject(13, Integer.class);
        if (partial == null) {
            return CycleCoverage.NONE;
        }
        Integer notIncluded = row.getObject(14, Integer.class);
        return new CycleCoverage(partial, notIncluded == null ? 0 : notIncluded, addresses(row.getString(15)),
                addresses(row.getString(16)), addresses(row.getString(17)), ReadingItemList.parse(row.getString(18)));
    }

    /** Meter addresses (digits, never commas) as one bounded column. */
    private static String addresses(List<String> addresses) {
        return addresses.isEmpty() ? null : String.join(",", addresses);
    }

    private static List<String> addresses(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.split(","));
    }

    private static Set<ReadingItem> items(String stored) {
        Set<ReadingItem> items = EnumSet.noneOf(ReadingItem.class);
        Arrays.stream(stored.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(ReadingItem::valueOf).forEach(items::add);
        return items;
    }

    private static String items(Set<ReadingItem> items) {
        return EnumSet.copyOf(items).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static Integer minutes(ScheduleTiming timing) {
        return timing instanceof ScheduleTiming.Every every ? every.minutes() : null;
    }

    private static LocalTime timeOfDay(ScheduleTiming timing) {
        return timing instanceof ScheduleTiming.DailyAt daily ? daily.time() : null;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
