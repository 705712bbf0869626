package io.jichao.collection.control;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Runs {@link GentleCutoff} every {@code gentle.tick} where the engine runs, once per installation. */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class GentleCutoffJob {

    private final GentleCutoff cutoff;

    GentleCutoffJob(GentleCutoff cutoff) {
        this.cutoff = cutoff;
    }

    @Scheduled(fixedDelayString = "${jichao.control.gentle.tick:1m}", initialDelayString = "${jichao.control.gentle.tick:1m}")
    @SchedulerLock(name = "control-gentle-cutoff", lockAtMostFor = "${jichao.control.gentle.lock-at-most-for:10m}")
    void decide() {
        cutoff.run();
    }
}
