package io.jichao.collection.control;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Runs {@link OverloadWriter} every {@code overload.tick} where the engine runs, once per installation. */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class OverloadJob {

    private static final Logger log = LoggerFactory.getLogger(OverloadJob.class);

    private final OverloadWriter writer;

    OverloadJob(OverloadWriter writer) {
        this.writer = writer;
    }

    @Scheduled(fixedDelayString = "${jichao.control.overload.tick:30s}", initialDelayString = "${jichao.control.overload.tick:30s}")
    @SchedulerLock(name = "control-overload-write", lockAtMostFor = "${jichao.control.overload.lock-at-most-for:10m}")
    void writeDue() {
        int verified = writer.writeDue();
        if (verified > 0) {
            log.info("Overload parameters verified on {} meters", verified);
        }
    }
}
