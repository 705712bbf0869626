package io.jichao.archive;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes {@link ArchiveDevicesChanged} after the current transaction commits (at once when no
 * transaction runs), so listeners never act on a change that is rolled back or not yet visible.
 */
@Component
class ArchiveChanges {

    private final ApplicationEventPublisher events;

    ArchiveChanges(ApplicationEventPublisher events) {
        this.events = events;
    }

    void devicesChanged(String cause) {
        ArchiveDevicesChanged event = new ArchiveDevicesChanged(cause);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.publishEvent(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                events.publishEvent(event);
            }
        });
    }
}
