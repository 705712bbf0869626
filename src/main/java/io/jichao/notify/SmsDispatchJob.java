package io.jichao.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * Escalates due alerts and sends due messages through the configured sender, in one process at a
 * time (ShedLock {@code sms-dispatch}); the atomic claim keeps a message to one sender even without it.
 */
@Component
@ConditionalOnProperty(name = "jichao.sms.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class SmsDispatchJob {

    private final NotificationService notifications;
    private final OutboxDispatcher dispatcher;
    private final SmsSender sender;

    SmsDispatchJob(NotificationService notifications, OutboxDispatcher dispatcher, SmsSender sender) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.sender = sender;
    }

    @Scheduled(fixedDelayString = "${jichao.sms.dispatch.interval:10s}", initialDelayString = "${jichao.sms.dispatch.initial-delay:20s}")
    @SchedulerLock(name = "sms-dispatch", lockAtMostFor = "${jichao.sms.dispatch.lock-at-most-for:5m}")
    void run() {
        notifications.escalateDue();
        dispatcher.dispatch(sender);
    }
}
