package io.jichao.collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sets every DL/T 645 meter's clock once a day (issue item 7) with broadcast time, so hourly and
 * daily freezes (and with them back-fill and billing days) stay on the hour. ShedLock keeps a
 * multi-process installation from broadcasting twice. The default 03:00 China Standard Time is
 * far from the midnight freeze and from evening load.
 */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class ClockSyncJob {

    private static final Logger log = LoggerFactory.getLogger(ClockSyncJob.class);

    private final CollectionEngine engine;

    ClockSyncJob(CollectionEngine engine) {
        this.engine = engine;
    }

    @Scheduled(cron = "${jichao.collection.clocks.sync-cron:0 0 3 * * *}",
            zone = "${jichao.collection.clocks.sync-zone:Asia/Shanghai}")
    @SchedulerLock(name = "collection-clock-sync", lockAtMostFor = "${jichao.collection.clocks.lock-at-most-for:10m}")
    void broadcastTime() {
        if (!engine.running()) {
            return;
        }
        int ports = engine.broadcastTime(engine.properties().clocks().settle());
        log.info("Broadcast time sent on {} DL/T 645 ports", ports);
    }
}
