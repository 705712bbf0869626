package io.jichao.statement;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.annotation.PreDestroy;
import net.sf.jasperreports.engine.JasperPrint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * A whole district's statements of a month as one ZIP of PDFs or one merged PDF
 * ({@link BatchFormat}), built in the background on a virtual thread (statements filled and
 * rendered by {@link StatementProperties#threads()} threads), so the page that started it stays
 * responsive. The operator's FINANCE right and district are checked and captured
 * when the batch starts; progress goes to listeners (the page pushes it through {@code UI.access});
 * cancel stops at the next statement and deletes the partial file. A finished file stays in a temp
 * directory for {@link StatementProperties#keep()} and is then deleted; only the operator who
 * started a batch sees, cancels or downloads it. One running batch per operator.
 */
@Service
public class StatementBatchService {

    private static final Logger log = LoggerFactory.getLogger(StatementBatchService.class);

    private final StatementData data;
    private final StatementRenderer renderer;
    private final CurrentOperator currentOperator;
    private final StatementProperties properties;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path directory;
    private final Map<UUID, Batch> batches = new ConcurrentHashMap<>();

    StatementBatchService(StatementData data, StatementRenderer renderer, CurrentOperator currentOperator,
                          StatementProperties properties, AuditTrail audit, PlatformTransactionManager transactionManager,
                          Clock clock) throws IOException {
        this.transactions = new TransactionTemplate(transactionManager);
        this.data = data;
        this.renderer = renderer;
        this.currentOperator = currentOperator;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.directory = Files.createTempDirectory("jichao-statements-");
    }

    /** Starts the district's batch for a month as a ZIP of PDFs; FINANCE only. */
    public BatchProgress start(YearMonth month, Locale locale) {
        return start(month, locale, BatchFormat.ZIP);
    }

    /** Starts the district's batch for a month in the given format; FINANCE only. */
    public BatchProgress start(YearMonth month, Locale locale, BatchFormat format) {
        OperatorContext operator = finance();
        StatementService.requireMonth(month);
        synchronized (batches) {
            if (batches.values().stream().anyMatch(b -> b.operatorId == operator.operatorId() && !b.progress().finished())) {
                throw new DomainException("error.statement.batch.running");
            }
            Batch batch = new Batch(UUID.randomUUID(), operator, month, locale,
                    format == null ? BatchFormat.ZIP : format, directory);
            batches.put(batch.id, batch);
            Thread.ofVirtual().name("statement-batch-" + batch.id).start(() -> run(batch));
            return batch.progress();
        }
    }

    public BatchProgress progress(UUID id) {
        return own(id).progress();
    }

    /** Asks the batch to stop; it stops before its next statement. */
    public void cancel(UUID id) {
        own(id).cancelled = true;
    }

    /**
     * Calls the listener with every change (from the batch's thread) until the batch ends, and once
     * at once with the current state; returns the handle that stops it.
     */
    public Runnable subscribe(UUID id, Consumer<BatchProgress> listener) {
        Batch batch = own(id);
        batch.listeners.add(listener);
        listener.accept(batch.progress());
        return () -> batch.listeners.remove(listener);
    }

    /** Writes the finished ZIP to the stream. */
    public void download(UUID id, OutputStream out) throws IOException {
        Batch batch = own(id);
        if (batch.state != BatchProgress.State.DONE) {
            throw new DomainException("error.statement.batch.not.ready");
        }
        Files.copy(batch.file, out);
    }

    public String fileName(UUID id) {
        Batch batch = own(id);
        return "statements-" + batch.month + "." + batch.format.extension();
    }

    public String contentType(UUID id) {
        return own(id).format.contentType();
    }

    private OperatorContext finance() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return operator;
    }

    private Batch own(UUID id) {
        OperatorContext operator = finance();
        Batch batch = id == null ? null : batches.get(id);
        if (batch == null || batch.operatorId != operator.operatorId()) {
            throw new DomainException("error.statement.batch.not.found");
        }
        return batch;
    }

    /**
     * The district's statements of a month as a ZIP in memory, for the scheduled report (FINANCE and
     * district of the subscriber, whose context the report runs in).
     */
    public byte[] zip(YearMonth month, Locale locale) {
        OperatorContext operator = finance();
        StatementService.requireMonth(month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(operator.district(), month, locale, BatchFormat.ZIP, out, () -> false, total -> { }, () -> { });
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rendering statements", interrupted);
        }
        return out.toByteArray();
    }

    private void run(Batch batch) {
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(batch.file))) {
                write(batch.district, batch.month, batch.locale, batch.format, out, () -> batch.cancelled, total -> {
                    batch.total = total;
                    batch.publish();
                }, () -> {
                    batch.done++;
                    batch.publishThrottled();
                });
            }
            BatchProgress.State outcome = batch.cancelled ? BatchProgress.State.CANCELLED : BatchProgress.State.DONE;
            if (batch.cancelled) {
                Files.deleteIfExists(batch.file);
            }
            transactions.executeWithoutResult(status -> audit.record(batch.username, "STATEMENT_BATCH",
                    batch.month.toString(), outcome + " " + batch.done + "/" + batch.total));
            batch.finish(outcome, clock.instant());
        } catch (IOException | RuntimeException failure) {
            log.warn("Statement batch {} of {} failed", batch.month, batch.username, failure);
            deleteQuietly(batch.file);
            batch.finish(BatchProgress.State.FAILED, clock.instant());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            deleteQuietly(batch.file);
            batch.finish(BatchProgress.State.FAILED, clock.instant());
        }
    }

    /**
     * Loads the households in chunks, renders each chunk's PDFs on the render threads and writes
     * them to the ZIP in order; stops before the next statement once {@code cancelled} says so.
     */
    private void write(DistrictScope district, YearMonth month, Locale locale, BatchFormat format, OutputStream out,
                       BooleanSupplier cancelled, IntConsumer total, Runnable eachDone)
            throws IOException, InterruptedException {
        if (format == BatchFormat.PDF) {
            writeMerged(district, month, locale, out, cancelled, total, eachDone);
            return;
        }
        ExecutorService renderers = Executors.newFixedThreadPool(properties.threads(),
                Thread.ofPlatform().daemon().name("statement-render-", 0).factory());
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            List<Long> households = data.households(district, month);
            total.accept(households.size());
            for (int from = 0; from < households.size() && !cancelled.getAsBoolean(); from += properties.chunkSize()) {
                List<Long> chunk = households.subList(from, Math.min(households.size(), from + properties.chunkSize()));
                List<MonthlyStatement> loaded = data.load(chunk, district, month);
                List<Future<byte[]>> pdfs = new ArrayList<>(loaded.size());
                for (MonthlyStatement statement : loaded) {
                    pdfs.add(renderers.submit(() -> cancelled.getAsBoolean() ? null : renderer.pdf(statement, locale)));
                }
                for (int i = 0; i < loaded.size() && !cancelled.getAsBoolean(); i++) {
                    byte[] pdf = pdfs.get(i).get();
                    if (pdf == null) {
                        break;
                    }
                    zip.putNextEntry(new ZipEntry(StatementService.fileName(loaded.get(i))));
                    zip.write(pdf);
                    zip.closeEntry();
                    eachDone.run();
                }
            }
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("A statement could not be rendered", failed.getCause());
        } finally {
            renderers.shutdownNow();
        }
    }

    /** Fills every statement on the render threads, then exports them all as one PDF. */
    private void writeMerged(DistrictScope district, YearMonth month, Locale locale, OutputStream out,
                             BooleanSupplier cancelled, IntConsumer total, Runnable eachDone)
            throws InterruptedException {
        ExecutorService renderers = Executors.newFixedThreadPool(properties.threads(),
                Thread.ofPlatform().daemon().name("statement-fill-", 0).factory());
        try {
            List<Long> households = data.households(district, month);
            total.accept(households.size());
            List<JasperPrint> prints = new ArrayList<>(households.size());
            for (int from = 0; from < households.size() && !cancelled.getAsBoolean(); from += properties.chunkSize()) {
                List<Long> chunk = households.subList(from, Math.min(households.size(), from + properties.chunkSize()));
                List<Future<JasperPrint>> filled = new ArrayList<>();
                for (MonthlyStatement statement : data.load(chunk, district, month)) {
                    filled.add(renderers.submit(() -> cancelled.getAsBoolean() ? null : renderer.fill(statement, locale)));
                }
                for (int i = 0; i < filled.size() && !cancelled.getAsBoolean(); i++) {
                    JasperPrint print = filled.get(i).get();
                    if (print == null) {
                        break;
                    }
                    prints.add(print);
                    eachDone.run();
                }
            }
            if (!cancelled.getAsBoolean() && !prints.isEmpty()) {
                renderer.export(prints, out);
            }
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("A statement could not be rendered", failed.getCause());
        } finally {
            renderers.shutdownNow();
        }
    }

    /** Deletes finished batches older than the keep time, with their files. */
    @Scheduled(fixedDelayString = "${jichao.statements.cleanup-interval:1m}")
    void cleanUp() {
        Instant limit = clock.instant().minus(properties.keep());
        batches.values().removeIf(batch -> {
            if (batch.finishedAt != null && batch.finishedAt.isBefore(limit)) {
                deleteQuietly(batch.file);
                return true;
            }
            return false;
        });
    }

    @PreDestroy
    void deleteFiles() {
        batches.values().forEach(batch -> batch.cancelled = true);
        batches.values().forEach(batch -> deleteQuietly(batch.file));
        deleteQuietly(directory);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | UncheckedIOException ignored) {
            // A directory still holding a running batch's file is removed with the JVM's temp files.
        }
    }

    private static final class Batch {
        private static final long PUBLISH_EVERY_NANOS = 200_000_000L;

        final UUID id;
        final long operatorId;
        final String username;
        final DistrictScope district;
        final YearMonth month;
        final Locale locale;
        final BatchFormat format;
        final Path file;
        final List<Consumer<BatchProgress>> listeners = new CopyOnWriteArrayList<>();
        volatile int total;
        volatile int done;
        volatile boolean cancelled;
        volatile BatchProgress.State state = BatchProgress.State.RUNNING;
        volatile Instant finishedAt;
        private long lastPublished;

        Batch(UUID id, OperatorContext operator, YearMonth month, Locale locale, BatchFormat format, Path directory) {
            this.id = id;
            this.operatorId = operator.operatorId();
            this.username = operator.username();
            this.district = operator.district();
            this.month = month;
            this.locale = locale;
            this.format = format;
            this.file = directory.resolve(id + "." + format.extension());
        }

        BatchProgress progress() {
            return new BatchProgress(id, month, done, total, state);
        }

        void publishThrottled() {
            long now = System.nanoTime();
            if (now - lastPublished >= PUBLISH_EVERY_NANOS || done == total) {
                publish();
            }
        }

        void publish() {
            lastPublished = System.nanoTime();
            BatchProgress progress = progress();
            for (Consumer<BatchProgress> listener : listeners) {
                try {
                    listener.accept(progress);
                } catch (RuntimeException failing) {
                    log.debug("A statement batch listener failed", failing);
                }
            }
        }

        void finish(BatchProgress.State finalState, Instant at) {
            state = finalState;
            finishedAt = at;
            publish();
            listeners.clear();
        }
    }
}
