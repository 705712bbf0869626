package io.jichao.collection;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterService;
import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditTrail;
import io.jichao.collection.link.Priority;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.shared.DomainException;

/**
 * "Read now" for operators (R1, R6): reads a meter through its bus at operator priority, stores the
 * values with source OPERATOR and audits the attempt. The meter must be inside the operator's
 * district: {@link MeterService#get} enforces both permission (VIEW_ARCHIVE) and district and
 * answers "not found" otherwise.
 */
@Service
public class MeterReadingService {

    /**
     * What "read now" asks for: five exchanges on a 2007 three-phase meter (energy, credit, voltage
     * and current blocks, power). At 2400 bps with 50 ms answer delay and the 200 ms minimum gap the
     * bus alone needs about 2 s (measured in docs/benchmarks.md, "read now" latency).
     */
    public static final Set<ReadingItem> READ_NOW_ITEMS = Set.of(ReadingItem.ACTIVE_ENERGY,
            ReadingItem.REMAINING_ENERGY, ReadingItem.VOLTAGE_A, ReadingItem.VOLTAGE_B, ReadingItem.VOLTAGE_C,
            ReadingItem.CURRENT_A, ReadingItem.CURRENT_B, ReadingItem.CURRENT_C, ReadingItem.ACTIVE_POWER,
            ReadingItem.WATER_VOLUME);

    /** How often "follow live" reads a meter. */
    public static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(10);

    private final MeterService meters;
    private final CollectionEngine engine;
    private final ReadingWriter writer;
    private final MeterStatusStore statusStore;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final TransactionOperations transactions;
    private final JdbcTemplate jdbc;
    private final MeterReadEvents readEvents;
    private final TaskScheduler scheduler;

    MeterReadingService(MeterService meters, CollectionEngine engine, ReadingWriter writer, MeterStatusStore statusStore,
                        CurrentOperator currentOperator, AuditTrail audit, PlatformTransactionManager transactionManager,
                        JdbcTemplate jdbc, MeterReadEvents readEvents, TaskScheduler scheduler) {
        this.jdbc = jdbc;
        this.readEvents = readEvents;
        this.scheduler = scheduler;
        this.meters = meters;
        this.engine = engine;
        this.writer = writer;
        this.statusStore = statusStore;
        this.currentOperator = currentOperator;
        this.audit = audit;
        // The audit entry needs a transaction of its own; the bus read itself must not hold one.
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Reads the meter now and returns what it answered. Blocks for the bus time (no database
     * transaction is held meanwhile); refused outside the district like any archive access.
     */
    public MeterReadResult readNow(long meterId) {
        OperatorContext operator = currentOperator.get();
        String address = meters.get(meterId).draft().address();
        MeterReadResult result = read(meterId, address);
        String details = describe(result);
        if (result.succeeded()) {
            transactions.executeWithoutResult(tx -> audit.record(operator.username(), "METER_READ_NOW", address, details));
        } else {
            audit.recordUnsuccessful(operator.username(), "METER_READ_NOW", address, details, Outcome.FAILED);
        }
        return result;
    }

    private MeterReadResult read(long meterId, String address) {
        if (!engine.running()) {
            throw new DomainException("error.collection.engine.stopped");
        }
        MeterReadResult result = engine.read(meterId, READ_NOW_ITEMS, Priority.OPERATOR)
                .orElseThrow(() -> new DomainException("error.collection.meter.unreachable", address));
        writer.submit(StoredReading.of(result, ReadingSource.OPERATOR));
        statusStore.saveNow(engine.health(meterId));
        readEvents.publish(result);
        return result;
    }

    /**
     * "Follow live": reads the meter now and then every {@link #FOLLOW_INTERVAL} like
     * {@link #readNow} (district checked and values stored at each read; one audit entry for the
     * whole follow) on the scheduler's threads, as the operator who asked; the results reach
     * listeners through {@link MeterReadEvents}. A refused read goes to {@code failures} and the
     * following goes on until the handle is closed.
     */
    public MeterReadEvents.Subscription follow(long meterId, Consumer<DomainException> failures) {
        OperatorContext operator = currentOperator.get();
        String address = meters.get(meterId).draft().address();
        // One audit entry for the whole follow, not one every ten seconds.
        transactions.executeWithoutResult(tx -> audit.record(operator.username(), "METER_FOLLOW_LIVE", address,
                "every " + FOLLOW_INTERVAL.toSeconds() + " s"));
        Runnable read = () -> {
            try {
                meters.get(meterId);
                read(meterId, address);
            } catch (DomainException refused) {
                failures.accept(refused);
            }
        };
        // The scheduler's threads have no operator: they carry the one who asked, checked anew each read.
        ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(
                new DelegatingSecurityContextRunnable(read, SecurityContextHolder.getContext()), FOLLOW_INTERVAL);
        return () -> task.cancel(false);
    }

    /** The newest stored value of each item of a meter inside the operator's district. */
    public List<StoredReading> latest(long meterId) {
        meters.get(meterId);
        return jdbc.query("""
                SELECT r.item, r.value, r.meter_time, r.read_at, r.source FROM reading r
                WHERE r.meter_id = ? AND r.read_at = (SELECT MAX(l.read_at) FROM reading l
                                                      WHERE l.meter_id = r.meter_id AND l.item = r.item)
                ORDER BY r.item""", (row, n) -> new StoredReading(meterId, ReadingItem.valueOf(row.getString(1)),
                row.getBigDecimal(2), row.getObject(3, java.time.LocalDateTime.class),
                row.getTimestamp(4).toInstant(), ReadingSource.valueOf(row.getString(5))), meterId)
                .stream().distinct().toList();
    }

    /** The latest health of a meter inside the operator's district. */
    public MeterHealth health(long meterId) {
        meters.get(meterId);
        return engine.health(meterId);
    }

    private static String describe(MeterReadResult result) {
        List<String> values = result.values().stream().map(v -> v.item() + "=" + ReadingFormat.format(v)).toList();
        return result.failure().map(f -> f + " " + values).orElse(values.toString());
    }
}
