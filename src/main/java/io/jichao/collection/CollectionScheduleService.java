package io.jichao.collection;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Reading schedules as operators manage them (issue item "Cycles"). Needs MANAGE_COLLECTORS. A
 * schedule for a collector group is seen and changed only by operators whose district holds the
 * whole building of every collector in it (as for editing the collectors themselves); a schedule
 * for all collectors reaches the whole site and needs a whole-site district (the super admin's).
 * Every change is audited. "Run now" plans the run for now; the dispatcher of the process running
 * the engine starts it at its next tick, so it works from a web-only process too.
 */
@Service
public class CollectionScheduleService {

    static final int MAX_NAME_LENGTH = 100;

    /** A schedule with its collectors' names and, while it runs in this process, its live progress. */
    public record ScheduleListing(CollectionSchedule schedule, List<String> collectorNames, CycleProgress progress) {

        public ScheduleListing {
            collectorNames = List.copyOf(collectorNames);
        }
    }

    /** A collector an operator may put in a schedule. */
    public record CollectorChoice(long id, String name) {
    }

    /** The daily time broadcast ({@link ClockSyncJob}), shown read-only: it is set in the configuration. */
    public record ClockSync(String cron, String zone) {
    }

    private record CollectorRow(long id, String name, long buildingId) {
    }

    private final CollectionScheduleStore store;
    private final ScheduleProgress progress;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final JdbcTemplate jdbc;
    private final CollectionProperties properties;
    private final Clock clock;

    CollectionScheduleService(CollectionScheduleStore store, ScheduleProgress progress, CurrentOperator currentOperator,
                              AuditTrail audit, JdbcTemplate jdbc, CollectionProperties properties, Clock clock) {
        this.store = store;
        this.progress = progress;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ScheduleListing> list() {
        OperatorContext operator = operator();
        Map<Long, CollectorRow> collectors = collectors();
        return store.all().stream().filter(s -> reaches(operator, s.collectorIds(), collectors))
                .map(s -> new ScheduleListing(s, s.collectorIds().stream()
                        .map(id -> collectors.containsKey(id) ? collectors.get(id).name() : Long.toString(id))
                        .sorted().toList(), progress.of(s.id()).orElse(null)))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<CollectorChoice> collectorChoices() {
        OperatorContext operator = operator();
        return collectors().values().stream()
                .filter(c -> operator.district().coversWholeBuilding(c.buildingId()))
                .map(c -> new CollectorChoice(c.id(), c.name()))
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
    }

    public ClockSync clockSync() {
        operator();
        return new ClockSync(properties.clocks().syncCron(), properties.clocks().syncZone());
    }

    /** How long "run now" may wait for the dispatcher's next look at the schedules. */
    public java.time.Duration dispatchTick() {
        return properties.cycle().tick();
    }

    @Transactional
    public long create(ScheduleDraft draft) {
        OperatorContext operator = operator();
        ScheduleDraft checked = checked(draft);
        requireReach(operator, checked.collectorIds());
        long id = store.insert(checked, firstRun(checked));
        audit.record(operator.username(), "SCHEDULE_CREATE", target(id, checked.name()), describe(checked));
        return id;
    }

    @Transactional
    public void update(long id, ScheduleDraft draft) {
        OperatorContext operator = operator();
        CollectionSchedule existing = reachable(operator, id);
        ScheduleDraft checked = checked(draft);
        requireReach(operator, checked.collectorIds());
        store.update(id, checked, nextAfterChange(existing, checked));
        audit.record(operator.username(), "SCHEDULE_UPDATE", target(id, checked.name()), describe(checked));
    }

    @Transactional
    public void setEnabled(long id, boolean enabled) {
        OperatorContext operator = operator();
        CollectionSchedule existing = reachable(operator, id);
        ScheduleDraft same = new ScheduleDraft(existing.name(), enabled, existing.items(), existing.timing(),
                existing.collectorIds());
        store.setEnabled(id, enabled, enabled ? nextAfterChange(existing, same) : null);
        audit.record(operator.username(), enabled ? "SCHEDULE_ENABLE" : "SCHEDULE_DISABLE",
                target(id, existing.name()), null);
    }

    @Transactional
    public void delete(long id) {
        OperatorContext operator = operator();
        CollectionSchedule existing = reachable(operator, id);
        store.delete(id);
        audit.record(operator.username(), "SCHEDULE_DELETE", target(id, existing.name()), describe(
                new ScheduleDraft(existing.name(), existing.enabled(), existing.items(), existing.timing(),
                        existing.collectorIds())));
    }

    /** Plans the schedule's next run for now; refused while it is disabled. */
    @Transactional
    public void runNow(long id) {
        OperatorContext operator = operator();
        CollectionSchedule existing = reachable(operator, id);
        if (!existing.enabled()) {
            throw new DomainException("error.schedule.disabled");
        }
        store.plan(id, clock.instant());
        audit.record(operator.username(), "SCHEDULE_RUN_NOW", target(id, existing.name()), null);
    }

    private OperatorContext operator() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_COLLECTORS);
        return operator;
    }

    private CollectionSchedule reachable(OperatorContext operator, long id) {
        CollectionSchedule schedule = store.find(id)
                .orElseThrow(() -> new DomainException("error.schedule.not.found"));
        requireReach(operator, schedule.collectorIds());
        return schedule;
    }

    private void requireReach(OperatorContext operator, Set<Long> collectorIds) {
        if (collectorIds.isEmpty() && !operator.district().wholeSite()) {
            throw new DomainException("error.schedule.all.collectors");
        }
        Map<Long, CollectorRow> collectors = collectors();
        if (collectorIds.stream().anyMatch(id -> !collectors.containsKey(id))) {
            throw new DomainException("error.collector.not.found");
        }
        if (!reaches(operator, collectorIds, collectors)) {
            throw new DomainException("error.district.outside");
        }
    }

    private static boolean reaches(OperatorContext operator, Set<Long> collectorIds,
                                   Map<Long, CollectorRow> collectors) {
        if (collectorIds.isEmpty()) {
            return operator.district().wholeSite();
        }
        return collectorIds.stream().allMatch(id -> collectors.containsKey(id)
                && operator.district().coversWholeBuilding(collectors.get(id).buildingId()));
    }

    private Map<Long, CollectorRow> collectors() {
        Map<Long, CollectorRow> collectors = new HashMap<>();
        jdbc.query("SELECT id, name, building_id FROM collector", row -> {
            collectors.put(row.getLong(1), new CollectorRow(row.getLong(1), row.getString(2), row.getLong(3)));
        });
        return collectors;
    }

    private static ScheduleDraft checked(ScheduleDraft draft) {
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty()) {
            throw new DomainException("error.required", "name");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new DomainException("error.schedule.name.length", MAX_NAME_LENGTH);
        }
        if (draft.items().isEmpty()) {
            throw new DomainException("error.schedule.items");
        }
        if (draft.timing() == null) {
            throw new DomainException("error.required", "timing");
        }
        return new ScheduleDraft(name, draft.enabled(), draft.items(), draft.timing(), draft.collectorIds());
    }

    private Instant firstRun(ScheduleDraft draft) {
        return draft.enabled() ? draft.timing().first(clock.instant(), ScheduleTiming.LOCAL_ZONE)
                : null;
    }

    /**
     * After a change the next run follows the new timing: an interval counts from the end of the
     * last run (at once if that is already past), a daily time is the next one ahead.
     */
    private Instant nextAfterChange(CollectionSchedule existing, ScheduleDraft changed) {
        if (!changed.enabled()) {
            return null;
        }
        Instant lastEnd = existing.lastRun() == null ? null : existing.lastRun().finishedAt();
        if (lastEnd != null && changed.timing() instanceof ScheduleTiming.Every) {
            return changed.timing().next(lastEnd, ScheduleTiming.LOCAL_ZONE);
        }
        return firstRun(changed);
    }

    private static String target(long id, String name) {
        return "schedule " + id + " " + name;
    }

    private static String describe(ScheduleDraft draft) {
        String timing = switch (draft.timing()) {
            case ScheduleTiming.Every every -> "every " + every.minutes() + " min";
            case ScheduleTiming.DailyAt daily -> "daily at " + daily.time();
        };
        String collectors = draft.collectorIds().isEmpty() ? "all collectors"
                : "collectors " + draft.collectorIds().stream().sorted().map(String::valueOf)
                        .collect(Collectors.joining(","));
        return timing + "; items " + draft.items().stream().map(Enum::name).sorted()
                .collect(Collectors.joining(",")) + "; " + collectors + "; " + (draft.enabled() ? "enabled" : "disabled");
    }
}
