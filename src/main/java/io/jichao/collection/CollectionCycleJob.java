package io.jichao.collection;

import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import io.jichao.archive.DeviceInventory;

/**
 * One reading cycle of a schedule (R1): the archive's current meters of the schedule's collectors,
 * each result stored and the meter's status saved as soon as it is known, gaps back-filled. When
 * a schedule runs and on which node is {@link CollectionScheduleDispatcher}'s business.
 */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class CollectionCycleJob {

    private static final Logger log = LoggerFactory.getLogger(CollectionCycleJob.class);

    private final CollectionEngine engine;
    private final DeviceInventory inventory;
    private final ReadingWriter writer;
    private final MeterStatusStore statusStore;
    private final BackfillStore backfillStore;
    private final MeterReadEvents readEvents;

    CollectionCycleJob(CollectionEngine engine, DeviceInventory inventory, ReadingWriter writer,
                       MeterStatusStore statusStore, BackfillStore backfillStore, MeterReadEvents readEvents) {
        this.backfillStore = backfillStore;
        this.readEvents = readEvents;
        this.engine = engine;
        this.inventory = inventory;
        this.writer = writer;
        this.statusStore = statusStore;
    }

    /** Reads {@code items} from every meter of the collectors in {@code scope}; blocks until done. */
    CycleProgress run(Set<ReadingItem> items, CollectorScope scope, Consumer<CycleProgress> progressListener) {
        engine.refreshMeters(inventory.enabledCollectors());
        CycleProgress progress = engine.runCycle(items, scope, result -> {
            writer.submit(StoredReading.of(result, ReadingSource.CYCLE));
            statusStore.save(engine.health(result.meterId()));
            readEvents.publish(result);
        }, this::storeBackfill, progressListener);
        log.info("Cycle of {}: {} meters, {} read, {} failed", items, progress.total(), progress.succeeded(),
                progress.failed());
        return progress;
    }

    private void storeBackfill(Backfill backfill) {
        try {
            int added = backfillStore.store(backfill);
            log.info("Meter {} back-filled {} of {} freezes after a gap since {}", backfill.meterId(), added,
                    backfill.freezes().size(), backfill.gapStart());
        } catch (DataAccessException unavailable) {
            // The freezes stay in the meter (48 h, 31 days): an operator's back-fill can fetch them later.
            log.warn("Back-fill of meter {} not stored: {}", backfill.meterId(),
                    unavailable.getMostSpecificCause().toString());
        }
    }
}
