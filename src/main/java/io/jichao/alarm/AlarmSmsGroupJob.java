package io.jichao.alarm;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Sends the manager alert of every alarm group whose window has passed, every
 * {@code jichao.alarms.sms.group-check-interval} (default 30 s), on one instance at a time.
 */
@Component
class AlarmSmsGroupJob {

    private final AlarmSmsGroups groups;

    AlarmSmsGroupJob(AlarmSmsGroups groups) {
        this.groups = groups;
    }

    @Scheduled(fixedDelayString = "${jichao.alarms.sms.group-check-interval:30s}",
            initialDelayString = "${jichao.alarms.sms.group-check-interval:30s}")
    @SchedulerLock(name = "alarm-sms-groups", lockAtMostFor = "5m")
    void sendDue() {
        if (groups.grouping()) {
            groups.sendDue();
        }
    }
}
