package io.jichao.prepaid;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.jichao.shared.TimeConfiguration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Reconciles the previous Shanghai day for the whole site, once per installation under ShedLock. */
@Component
@ConditionalOnProperty(name = "jichao.prepaid.reconciliation.enabled", havingValue = "true", matchIfMissing = true)
class ReconciliationJob {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final ReconciliationService reconciliation;
    private final Clock clock;

    ReconciliationJob(ReconciliationService reconciliation, Clock clock) {
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    @Scheduled(cron = "${jichao.prepaid.reconciliation.cron:0 30 3 * * *}",
            zone = "${jichao.prepaid.reconciliation.zone:Asia/Shanghai}")
    @SchedulerLock(name = "prepaid-reconciliation",
            lockAtMostFor = "${jichao.prepaid.reconciliation.lock-at-most-for:1h}")
    void runDaily() {
        LocalDate yesterday = LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)).minusDays(1);
        log.info("Prepaid reconciliation {}: {} findings", yesterday, reconciliation.runAsSystem(yesterday).size());
    }
}
