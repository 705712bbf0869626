package io.jichao.statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Looks for due report subscriptions every ten minutes, in one process at a time (ShedLock). */
@Component
@ConditionalOnProperty(name = "jichao.reports.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledReportJob {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReportJob.class);

    private final ScheduledReportRunner runner;

    ScheduledReportJob(ScheduledReportRunner runner) {
        this.runner = runner;
    }

    @Scheduled(cron = "${jichao.reports.cron:0 */10 * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "statement-scheduled-reports", lockAtMostFor = "${jichao.reports.lock-at-most-for:30m}")
    void run() {
        int sent = runner.runDue();
        if (sent > 0) {
            log.info("Scheduled reports: {} mailed", sent);
        }
    }
}
