package io.jichao.alarm;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The system side of alarms: rules raise and clear them here, as {@code system}, never for an
 * operator (views use {@link AlarmService}). Raising is idempotent on the active key: a condition
 * that stays true is one row whose {@code occurrences} and {@code last_seen_at} grow; clearing
 * keeps the row as history. {@link AlarmChanged} is published after the commit, only when the
 * state changes (a new alarm, a clear), not on every repeat.
 *
 * <p>The keys of the active alarms are kept in memory (loaded once from the table), so a rule can
 * "clear" every condition that does not hold on each read without touching the database. One
 * engine process per installation raises and clears (R7); acknowledging does not change keys.
 */
@Component
public class AlarmRecorder {

    /** What a raise did: the alarm's id, and whether it is a new alarm or a repeat of an active one. */
    public record Raised(long alarmId, boolean created, int occurrences) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Set<String> activeKeys;

    AlarmRecorder(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                  Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.clock = clock;
    }

    /** Raises at the kind's own severity. */
    public Raised raise(AlarmKind kind, AlarmSubject subject, String detail) {
        return raise(kind, subject, kind.severity(), detail);
    }

    /** Inserts the alarm, or counts one more occurrence of the active one of this kind and subject. */
    public Raised raise(AlarmKind kind, AlarmSubject subject, Severity severity, String detail) {
        return raise(kind, subject, severity, detail, clock.instant());
    }

    /**
     * Like {@link #raise(AlarmKind, AlarmSubject, String)} for a condition the device says began
     * at {@code since} (a meter's event record): a new alarm is raised at that time, an active one
     * counts one more occurrence and keeps its own raise time.
     */
    public Raised raiseSince(AlarmKind kind, AlarmSubject subject, String detail, Instant since) {
        Instant now = clock.instant();
        return raise(kind, subject, kind.severity(), detail, since.isAfter(now) ? now : since);
    }

    private Raised raise(AlarmKind kind, AlarmSubject subject, Severity severity, String detail, Instant raisedAt) {
        if (severity == Severity.NORMAL) {
            throw new IllegalArgumentException("an alarm is yellow or red, never NORMAL");
        }
        String key = subject.activeKey(kind);
        String text = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp since = Timestamp.from(raisedAt);
        Raised raised = transactions.execute(status -> {
            jdbc.update("""
                    INSERT INTO alarm (kind, severity, state, meter_id, serial_port_id, collector_id, active_key,
                                       detail, raised_at, last_seen_at, occurrences)
                    VALUES (?, ?, 'RAISED', ?, ?, ?, ?, ?, ?, ?, 1)
                    ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), occurrences = occurrences + 1,
                                            last_seen_at = VALUES(last_seen_at), detail = VALUES(detail)""",
                    kind.name(), severity.name(), subject.meterId(), subject.serialPortId(), subject.collectorId(),
                    key, text, since, now);
            long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
            int occurrences = jdbc.queryForObject("SELECT occurrences FROM alarm WHERE id = ?", Integer.class, id);
            Raised outcome = new Raised(id, occurrences == 1, occurrences);
            if (outcome.created()) {
                publishAfterCommit(new AlarmChanged(id, kind.name(), severity, AlarmState.RAISED,
                        subject.meterId(), subject.serialPortId(), subject.collectorId()));
            }
            return outcome;
        });
        activeKeys().add(key);
        return raised;
    }

    /** Clears the active alarm of this kind and subject, if there is one; true when one was cleared. */
    public boolean clear(AlarmKind kind, AlarmSubject subject) {
        return clear(kind, subject, clock.instant());
    }

    /**
     * Clears the active alarm as of {@code at}, the time the device says the condition ended (a
     * meter's restore record); never before the alarm's raise time nor after now.
     */
    public boolean clearAt(AlarmKind kind, AlarmSubject subject, Instant at) {
        Instant now = clock.instant();
        return clear(kind, subject, at.isAfter(now) ? now : at);
    }

    private boolean clear(AlarmKind kind, AlarmSubject subject, Instant clearedAt) {
        String key = subject.activeKey(kind);
        if (!activeKeys().contains(key)) {
            return false;
        }
        Boolean cleared = transactions.execute(status -> {
            List<AlarmChanged> found = jdbc.query("""
                    SELECT id, severity, meter_id, serial_port_id, collector_id FROM alarm
                    WHERE active_key = ? FOR UPDATE""",
                    (row, n) -> new AlarmChanged(row.getLong(1), kind.name(), Severity.valueOf(row.getString(2)),
                            AlarmState.CLEARED, row.getObject(3, Long.class), row.getObject(4, Long.class),
                            row.getObject(5, Long.class)), key);
            if (found.isEmpty()) {
                return false;
            }
            AlarmChanged changed = found.getFirst();
            jdbc.update("UPDATE alarm SET state = 'CLEARED', cleared_at = GREATEST(raised_at, ?), active_key = NULL, "
                    + "version = version + 1 WHERE id = ?", Timestamp.from(clearedAt), changed.alarmId());
            publishAfterCommit(changed);
            return true;
        });
        activeKeys().remove(key);
        return Boolean.TRUE.equals(cleared);
    }

    /**
     * An occurrence that began and ended before anyone saw it (a meter's event record read after
     * the fact): one alarm row, raised at {@code raisedAt} and cleared at {@code clearedAt} in one
     * go, so the history and the alarm list show both; listeners see the raise, then the clear.
     * It never touches an active alarm of the same kind and subject.
     */
    public long recordEnded(AlarmKind kind, AlarmSubject subject, String detail, Instant raisedAt, Instant clearedAt,
                            int occurrences) {
        Instant now = clock.instant();
        Instant cleared = clearedAt.isAfter(now) ? now : clearedAt;
        Instant raised = raisedAt.isAfter(cleared) ? cleared : raisedAt;
        String text = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
        Severity severity = kind.severity();
        return transactions.execute(status -> {
            jdbc.update("""
                    INSERT INTO alarm (kind, severity, state, meter_id, serial_port_id, collector_id, active_key,
                                       detail, raised_at, last_seen_at, occurrences, cleared_at)
                    VALUES (?, ?, 'CLEARED', ?, ?, ?, NULL, ?, ?, ?, ?, ?)""",
                    kind.name(), severity.name(), subject.meterId(), subject.serialPortId(), subject.collectorId(),
                    text, Timestamp.from(raised), Timestamp.from(cleared), Math.max(1, occurrences),
                    Timestamp.from(cleared));
            long id = jdbc.queryForObject("SELECT LAST_INSERT_ID()", Long.class);
            for (AlarmState state : List.of(AlarmState.RAISED, AlarmState.CLEARED)) {
                publishAfterCommit(new AlarmChanged(id, kind.name(), severity, state, subject.meterId(),
                        subject.serialPortId(), subject.collectorId()));
            }
            return id;
        });
    }

    Instant now() {
        return clock.instant();
    }

    private Set<String> activeKeys() {
        Set<String> keys = activeKeys;
        if (keys == null) {
            synchronized (this) {
                if (activeKeys == null) {
                    Set<String> loaded = ConcurrentHashMap.newKeySet();
                    loaded.addAll(jdbc.queryForList("SELECT active_key FROM alarm WHERE active_key IS NOT NULL",
                            String.class));
                    activeKeys = loaded;
                }
                keys = activeKeys;
            }
        }
        return keys;
    }

    /** Listeners (fault map, SMS) see the change only once it is in the database. */
    void publishAfterCommit(AlarmChanged changed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    events.publishEvent(changed);
                }
            });
        } else {
            events.publishEvent(changed);
        }
    }
}
