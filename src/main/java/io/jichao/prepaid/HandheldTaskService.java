package io.jichao.prepaid;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.Meter;
import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.audit.AuditTrail;
import io.jichao.prepaid.HandheldKeys.SiteKey;
import io.jichao.prepaid.HandheldResultRow.Done;
import io.jichao.prepaid.HandheldTaskStore.TaskOrder;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.Kwh;
import io.jichao.shared.TimeConfiguration;
import jakarta.persistence.EntityManager;

/**
 * Offline recharge delivery with a handheld unit (R4). {@link #export} writes a district's waiting
 * orders to a signed task file and reserves them, so the engine neither picks them up nor marks
 * them SENT; {@link #importResults} checks the handheld's signed result file completely before it
 * changes anything, then in one transaction confirms the done orders, gives the failed ones back
 * to the engine and closes the task. A task closes once: the same file again is "already imported".
 */
@Service
public class HandheldTaskService {

    public static final int MAX_ROWS = 1_000;
    private static final EnumSet<RechargeState> WAITING = EnumSet.of(RechargeState.CREATED, RechargeState.FAILED_RETRYING);
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(TimeConfiguration.DISPLAY_ZONE);

    /** A waiting order inside the district, as the view lists it. */
    public record WaitingOrder(long orderId, long meterId, String meterAddress, Integer channel, String protocol,
                               Kwh kwh, RechargeState state, Instant createdAt) {
    }

    /** A task file written once; {@code open} until its result file is imported. */
    public record HandheldTask(String id, boolean open, int rows, String createdBy, Instant createdAt,
                               String closedBy, Instant closedAt, Integer confirmed, Integer failed) {
    }

    /** The exported file, to be downloaded and loaded onto the handheld. */
    public record TaskFile(String taskId, String fileName, byte[] content, int rows) {
    }

    /** What an import did. */
    public record ImportSummary(String taskId, int confirmed, int failed) {
    }

    private final RechargeOrderRepository orders;
    private final HandheldTaskStore tasks;
    private final HandheldKeys keys;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final RechargeSms sms;
    private final Clock clock;

    HandheldTaskService(RechargeOrderRepository orders, HandheldTaskStore tasks, HandheldKeys keys,
                        EntityManager entityManager, CurrentOperator currentOperator, AuditTrail audit,
                        PlatformTransactionManager transactionManager, RechargeSms sms, Clock clock) {
        this.orders = orders;
        this.tasks = tasks;
        this.keys = keys;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.sms = sms;
        this.clock = clock;
    }

    /** Orders of meters in the district waiting for delivery and not with a handheld, oldest first. */
    @Transactional(readOnly = true)
    public List<WaitingOrder> waitingOrders() {
        DistrictScope district = clerk().district();
        return orders.findByStateInAndHandheldTaskIdIsNullOrderByIdAsc(WAITING, Limit.unlimited()).stream()
                .filter(order -> inDistrict(order, district))
                .map(order -> {
                    Meter meter = meterOf(order);
                    return new WaitingOrder(order.getId(), order.getMeterId(), meter.getAddress(),
                            meter.getDeviceChannel(), meter.getProtocol().name(), order.getKwh(), order.getState(),
                            order.view().createdAt());
                })
                .toList();
    }

    /**
     * Writes a task file of the chosen orders (all waiting orders of the district when none are
     * chosen) and reserves them for it. A chosen order that is not waiting, already with a
     * handheld or outside the district refuses the export.
     */
    @Transactional
    public TaskFile export(Collection<Long> orderIds) {
        OperatorContext operator = clerk();
        List<RechargeOrder> chosen = new ArrayList<>();
        if (orderIds == null || orderIds.isEmpty()) {
            for (RechargeOrder listed : orders.findByStateInAndHandheldTaskIdIsNullOrderByIdAsc(WAITING, Limit.unlimited())) {
                if (inDistrict(listed, operator.district()) && chosen.size() < MAX_ROWS) {
                    RechargeOrder locked = orders.lockById(listed.getId()).orElseThrow();
                    // The engine may have sent it since it was listed: then it is the engine's.
                    if (locked.getState().awaitsDelivery() && locked.getHandheldTaskId() == null) {
                        chosen.add(locked);
                    }
                }
            }
        } else {
            if (orderIds.size() > MAX_ROWS) {
                throw new DomainException("error.handheld.too.many", MAX_ROWS);
            }
            for (long orderId : orderIds.stream().distinct().sorted().toList()) {
                RechargeOrder order = orders.lockById(orderId)
                        .filter(found -> inDistrict(found, operator.district()))
                        .orElseThrow(() -> new DomainException("error.recharge.not.found"));
                if (!order.getState().awaitsDelivery() || order.getHandheldTaskId() != null) {
                    throw new DomainException("error.handheld.order.not.waiting", orderId, order.getState().name());
                }
                chosen.add(order);
            }
        }
        if (chosen.isEmpty()) {
            throw new DomainException("error.handheld.nothing.to.export");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String taskId = UUID.randomUUID().toString();
        List<TaskOrder> taskOrders = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (RechargeOrder order : chosen) {
            Meter meter = meterOf(order);
            taskOrders.add(new TaskOrder(order.getId(), taskOrders.size() + 1, meter.getAddress()));
            rows.add(new HandheldTaskRow(order.getId(), meter.getAddress(), meter.getDeviceChannel(),
                    meter.getProtocol().name(), order.getKwh(), order.getIdempotencyKey(),
                    tasks.knownPurchaseCount(order.getId()).orElse(null)).fields());
        }
        tasks.create(taskId, operator.username(), now, taskOrders);
        chosen.forEach(order -> order.reserveFor(taskId));
        SiteKey key = keys.current();
        byte[] content = new HandheldFile(HandheldFile.Kind.TASK, key.siteId(), taskId, now, operator.username(), rows)
                .write(key.secret());
        audit.record(operator.username(), "HANDHELD_EXPORT", "task " + taskId, chosen.size() + " orders "
                + chosen.stream().map(RechargeOrder::getId).toList());
        return new TaskFile(taskId, "handheld-task-" + taskId.substring(0, 8) + ".txt", content, chosen.size());
    }

    /**
     * Imports a handheld's result file. Everything is checked first (signature, site, task, every
     * row); any problem refuses the whole file with a message naming the row, audited as REFUSED,
     * and nothing changes.
     */
    public ImportSummary importResults(InputStream in) {
        OperatorContext operator = currentOperator.get();
        try {
            operator.require(Permission.RECHARGE);
            byte[] content = readAtMost(in);
            return transaction.execute(status -> apply(operator, content));
        } catch (DomainException refused) {
            audit.recordUnsuccessful(operator.username(), "HANDHELD_IMPORT", "handheld result file",
                    refused.messageKey() + " " + Arrays.toString(refused.arguments()), Outcome.REFUSED);
            throw refused;
        }
    }

    /** Recent tasks with an order inside the district, newest first. */
    @Transactional(readOnly = true)
    public List<HandheldTask> tasks() {
        DistrictScope district = clerk().district();
        return tasks.recent(200).stream()
                .filter(entry -> entry.getValue().stream().anyMatch(place -> district.covers(place[0], place[1])))
                .map(Map.Entry::getKey)
                .toList();
    }

    private ImportSummary apply(OperatorContext operator, byte[] content) {
        SiteKey key = keys.current();
        HandheldFile file = HandheldFile.read(new ByteArrayInputStream(content), HandheldFile.Kind.RESULT,
                key.siteId(), key.secret());
        HandheldTask task = tasks.lock(file.taskId())
                .orElseThrow(() -> new DomainException("error.handheld.task.unknown", file.taskId()));
        String digest = HandheldFile.digest(content);
        if (!task.open()) {
            if (tasks.resultDigest(task.id()).filter(digest::equals).isPresent()) {
                throw new DomainException("error.handheld.already.imported", task.id(), SHOWN.format(task.closedAt()));
            }
            throw new DomainException("error.handheld.task.closed", task.id());
        }
        Instant now = clock.instant();
        List<HandheldResultRow> results = HandheldResultRow.checkAll(file.rows(), tasks.orders(task.id()),
                task.createdAt(), now);
        List<RechargeOrder> locked = new ArrayList<>();
        for (HandheldResultRow result : results) {
            RechargeOrder order = orders.lockById(result.orderId()).orElseThrow();
            if (!inDistrict(order, operator.district())) {
                throw new DomainException("error.handheld.result.district", result.row(), result.orderId());
            }
            if (!task.id().equals(order.getHandheldTaskId())) {
                throw new DomainException("error.handheld.result.not.reserved", result.row(), result.orderId());
            }
            locked.add(order);
        }
        int confirmed = 0;
        for (int i = 0; i < results.size(); i++) {
            HandheldResultRow result = results.get(i);
            RechargeOrder order = locked.get(i);
            if (result instanceof Done done) {
                order.releaseFromHandheld(null);
                order.moveTo(RechargeState.SENT, now, null);
                order.moveTo(RechargeState.CONFIRMED, now, null);
                sms.confirmed(order, done.remainingAfter());
                audit.record(operator.username(), "HANDHELD_CONFIRM", "meter " + order.getMeterId(),
                        "order " + order.getId() + " task " + task.id() + ": " + done.note(order.getKwh()));
                confirmed++;
            } else {
                order.releaseFromHandheld("handheld: " + result.error());
                audit.record(operator.username(), "HANDHELD_FAILED", "meter " + order.getMeterId(),
                        "order " + order.getId() + " task " + task.id() + " back to the engine: " + result.error());
            }
        }
        int failed = results.size() - confirmed;
        tasks.close(task.id(), operator.username(), now, digest, confirmed, failed);
        audit.record(operator.username(), "HANDHELD_IMPORT", "task " + task.id(),
                confirmed + " confirmed, " + failed + " failed, file " + digest);
        return new ImportSummary(task.id(), confirmed, failed);
    }

    private boolean inDistrict(RechargeOrder order, DistrictScope district) {
        Meter meter = meterOf(order);
        return district.covers(meter.getBuilding().getId(), meter.getBox() == null ? null : meter.getBox().getId());
    }

    private Meter meterOf(RechargeOrder order) {
        return entityManager.find(Meter.class, order.getMeterId());
    }

    private OperatorContext clerk() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.RECHARGE);
        return operator;
    }

    private static byte[] readAtMost(InputStream in) {
        try (in) {
            byte[] content = in.readNBytes(HandheldFile.MAX_BYTES + 1);
            if (content.length > HandheldFile.MAX_BYTES) {
                throw new DomainException("error.handheld.too.large", HandheldFile.MAX_BYTES / (1024 * 1024));
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
