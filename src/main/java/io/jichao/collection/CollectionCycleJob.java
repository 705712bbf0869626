package io.jichao.collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.jichao.archive.DeviceInventory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The scheduled energy cycle (R1). ShedLock makes sure only one process of a multi-process
 * installation reads the buses per interval; the interval counts from the end of the previous cycle
 * so a slow cycle never overlaps the next.
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

    @Scheduled(fixedDelayString = "${jichao.collection.cycle.energy-interval:15m}",
            initialDelayString = "${jichao.collection.cycle.initial-delay:30s}")
    @SchedulerLock(name = "collection-energy-cycle", lockAtMostFor = "${jichao.collection.cycle.lock-at-most-for:30m}")
    void runEnergyCycle() {
        if (!engine.running()) {
            return;
        }
        engine.refreshMeters(inventory.enabledCollectors());
        CycleProgress progress = engine.runCycle(engine.properties().cycle().items(), result -> {
            writer.submit(StoredReading.of(result, ReadingSource.CYCLE));
            statusStore.save(engine.health(result.meterId()));
            readEvents.publish(result);
        }, this::storeBackfill);
        log.info("Energy cycle: {} meters, {} read, {} failed", progress.total(), progress.succeeded(), progress.failed());
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
