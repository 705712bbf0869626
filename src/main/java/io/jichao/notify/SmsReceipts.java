package io.jichao.notify;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Delivery receipts from a gateway: kept, and applied to the message they name. */
@Component
class SmsReceipts {

    private final Outbox outbox;
    private final Clock clock;

    SmsReceipts(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public void received(String messageId, String status, boolean delivered, String text) {
        outbox.receipt(messageId, status, delivered, text, clock.instant());
    }
}
