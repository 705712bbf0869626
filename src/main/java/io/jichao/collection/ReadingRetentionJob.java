package io.jichao.collection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Deletes raw readings older than their retention, nightly. Runs in any process (web-only too:
 * it is the database's housekeeping, not the engine's), once per installation under ShedLock.
 *
 * <p>Deleted meter by meter in chunks of {@code chunkSize} rows, each chunk its own autocommitted
 * statement on the {@code (meter_id, item, read_at)} index: it locks only that meter's expired index
 * range for a moment, never the table, and its cost follows the rows deleted, not the table size.
 * The energy aggregates are not touched, so reports over old periods keep working.
 */
@Component
@ConditionalOnProperty(name = "jichao.collection.retention.enabled", havingValue = "true", matchIfMissing = true)
class ReadingRetentionJob {

    /** Register values that bills, gap back-fills and disputes go back to: kept as long as energy. */
    static final Set<ReadingItem> ENERGY_ITEMS = EnumSet.of(ReadingItem.ACTIVE_ENERGY, ReadingItem.REVERSE_ENERGY,
            ReadingItem.REMAINING_ENERGY, ReadingItem.WATER_VOLUME, ReadingItem.DAILY_FREEZE);
    static final Set<ReadingItem> INSTANT_ITEMS = EnumSet.complementOf(EnumSet.copyOf(ENERGY_ITEMS));

    private static final Logger log = LoggerFactory.getLogger(ReadingRetentionJob.class);

    /** What one purge deleted. */
    record Purged(Instant instantBefore, long instantRows, Instant energyBefore, long energyRows) {
    }

    private final JdbcTemplate jdbc;
    private final RetentionProperties retention;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReadingRetentionJob(JdbcTemplate jdbc, RetentionProperties retention, AuditTrail audit,
                        PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(cron = "${jichao.collection.retention.cron:0 30 2 * * *}",
            zone = "${jichao.collection.retention.zone:Asia/Shanghai}")
    @SchedulerLock(name = "collection-reading-retention",
            lockAtMostFor = "${jichao.collection.retention.lock-at-most-for:2h}")
    void runNightly() {
        purge();
    }

    /** Deletes what has expired now; logs and audits the counts. */
    Purged purge() {
        Instant now = clock.instant();
        Instant instantBefore = now.minus(retention.instantReadings());
        Instant energyBefore = retention.keepsEnergyReadingsForever() ? null : now.minus(retention.energyReadings());
        // A loose index scan on (meter_id, …): one step per meter, not per row.
        List<Long> meters = jdbc.queryForList("SELECT DISTINCT meter_id FROM reading", Long.class);
        long instantRows = 0;
        long energyRows = 0;
        for (long meterId : meters) {
            instantRows += delete(meterId, INSTANT_ITEMS, instantBefore);
            if (energyBefore != null) {
                energyRows += delete(meterId, ENERGY_ITEMS, energyBefore);
            }
        }
        Purged purged = new Purged(instantBefore, instantRows, energyBefore, energyRows);
        String details = "instant readings before %s: %d deleted; energy readings %s".formatted(instantBefore,
                instantRows, energyBefore == null ? "kept (no limit)" : "before " + energyBefore + ": " + energyRows
                        + " deleted");
        log.info("Reading retention over {} meters: {}", meters.size(), details);
        transactions.executeWithoutResult(tx -> audit.record("system", "READING_RETENTION", "reading", details));
        return purged;
    }

    private long delete(long meterId, Set<ReadingItem> items, Instant before) {
        String sql = "DELETE FROM reading WHERE meter_id = ? AND item IN ("
                + items.stream().map(item -> "'" + item.name() + "'").collect(Collectors.joining(","))
                + ") AND read_at < ? LIMIT " + retention.chunkSize();
        long deleted = 0;
        int chunk;
        do {
            chunk = jdbc.update(sql, meterId, Timestamp.from(before));
            deleted += chunk;
        } while (chunk == retention.chunkSize());
        return deleted;
    }
}
