package io.jichao.prepaid;

import java.time.Clock;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.jichao.shared.TimeConfiguration;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/** Settles the previous Shanghai month for the whole site, once per installation under ShedLock. */
@Component
@ConditionalOnProperty(name = "jichao.postpaid.settlement.enabled", havingValue = "true", matchIfMissing = true)
class PostpaidSettlementJob {

    private static final Logger log = LoggerFactory.getLogger(PostpaidSettlementJob.class);

    private final PostpaidSettlementService settlements;
    private final Clock clock;

    PostpaidSettlementJob(PostpaidSettlementService settlements, Clock clock) {
        this.settlements = settlements;
        this.clock = clock;
    }

    @Scheduled(cron = "${jichao.postpaid.settlement.cron:0 0 2 1 * *}",
            zone = "${jichao.postpaid.settlement.zone:Asia/Shanghai}")
    @SchedulerLock(name = "prepaid-postpaid-settlement",
            lockAtMostFor = "${jichao.postpaid.settlement.lock-at-most-for:2h}")
    void runMonthly() {
        YearMonth previous = YearMonth.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE)).minusMonths(1);
        var report = settlements.settleAsSystem(previous);
        log.info("Post-paid settlement {}: {} added, {} not settled", previous, report.added(),
                report.notSettled().size());
    }
}
