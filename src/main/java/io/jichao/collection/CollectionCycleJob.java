package io.jichao.collection;

import java.util.List;
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
        List<DeviceInventory.CollectorDevice> collectors = inventory.enabledCollectors();
        engine.refreshMeters(collectors);
        CycleProgress progress = engine.runCycle(items, scope, result -> {
            writer.submit(StoredReading.of(result, ReadingSource.CYCLE));
            statusStore.save(engine.health(result.meterId()));
            readEvents.publish(result);
        }, this::storeBackfill, progressListener);
        List<String> notIncluded = notIncluded(collectors, items, scope);
        progress = progress.withCoverage(progress.coverage().withNotIncluded(notIncluded));
        log.info("Cycle of {}: {} meters, {} read ({} partly), {} failed, {} not included", items, progress.total(),
                progress.succeeded(), progress.coverage().partial(), progress.failed(), notIncluded.size());
        return progress;
    }

    /**
     * The archive's meters of the scope that should give some of {@code items} but are not in the
     * engine's topology (their collector or port came after the engine started): the cycle does not
     * read them, and says so instead of reporting a rate over the meters it has.
     */
    private List<String> notIncluded(List<DeviceInventory.CollectorDevice> collectors, Set<ReadingItem> items,
                                     CollectorScope scope) {
        return collectors.stream().filter(collector -> scope.covers(collector.id()))
                .flatMap(collector -> collector.ports().stream())
                .flatMap(port -> port.meters().stream())
                .filter(meter -> MeterReader.readsAnything(meter, items) && engine.route(meter.id()).isEmpty())
                .map(DeviceInventory.MeterDevice::address).toList();
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
