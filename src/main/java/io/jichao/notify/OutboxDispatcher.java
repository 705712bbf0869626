package io.jichao.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.notify.Outbox.Claimed;
import io.jichao.notify.SmsSender.Failure;
import io.jichao.notify.SmsSender.Sent;
import io.jichao.notify.SmsSender.SmsSendException;

/**
 * One dispatch round: claim due messages (one UPDATE, so nobody else holds them), then per message
 * hold it back for quiet hours or the per-number rate limit, or send it and store the outcome.
 * The claim and each outcome are short transactions of their own; the send runs outside any.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Outbox outbox;
    private final SmsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OutboxDispatcher(Outbox outbox, SmsProperties properties, TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Claims and handles one batch through {@code sender}; returns how many were handed to it. */
    int dispatch(SmsSender sender) {
        if (!sender.sends()) {
            return 0;
        }
        Instant now = clock.instant();
        Integer stale = yieldingToOtherDispatchers(
                () -> transactions.execute(tx -> outbox.failStale(now.minus(properties.sendingTimeout()))), 0);
        if (stale != null && stale > 0) {
            log.warn("{} SMS left SENDING by a stopped process marked FAILED (outcome unknown)", stale);
        }
        List<Claimed> claimed = yieldingToOtherDispatchers(
                () -> transactions.execute(tx -> outbox.claim(now, properties.batchSize())), List.of());
        int handed = 0;
        boolean reachable = true;
        for (Claimed message : claimed) {
            if (!reachable) {
                // The gateway is down: the rest wait for the next round without spending an attempt.
                Instant next = clock.instant().plus(properties.retryMin());
                transactions.executeWithoutResult(tx -> outbox.defer(message.id(), next, "gateway unreachable"));
                continue;
            }
            if (holdBack(message)) {
                continue;
            }
            handed++;
            reachable = send(sender, message);
        }
        return handed;
    }

    /**
     * Runs one outbox statement that another dispatcher may be running on the same rows at once. The
     * database then refuses one of them (deadlock or lock wait) and rolls it back, changing nothing:
     * that dispatcher leaves the rows to the other and tries again next round.
     */
    private static <T> T yieldingToOtherDispatchers(Supplier<T> statement, T whenRefused) {
        try {
            return statement.get();
        } catch (PessimisticLockingFailureException refused) {
            log.debug("Outbox rows busy with another dispatcher; trying next round", refused);
            return whenRefused;
        }
    }

    /** Quiet hours (unless urgent) and the rate limit defer a message; true when deferred. */
    private boolean holdBack(Claimed message) {
        Instant now = clock.instant();
        Optional<Instant> quietEnd = message.urgent() ? Optional.empty()
                : Backoff.quietUntil(now, properties.quietStart(), properties.quietEnd(), properties.quietZone());
        if (quietEnd.isPresent()) {
            transactions.executeWithoutResult(tx -> outbox.defer(message.id(), quietEnd.get(), "quiet hours"));
            return true;
        }
        List<Instant> lastHour = outbox.sentSince(message.phone(), now.minus(HOUR));
        if (lastHour.size() >= properties.perNumberPerHour()) {
            Instant free = lastHour.get(lastHour.size() - properties.perNumberPerHour()).plus(HOUR);
            transactions.executeWithoutResult(tx -> outbox.defer(message.id(), free, "rate limit of the number"));
            return true;
        }
        return false;
    }

    /** Sends one message and stores the outcome; false when the gateway is not usable for this round. */
    private boolean send(SmsSender sender, Claimed message) {
        Failure failure;
        String error;
        try {
            Sent sent = sender.send(new SmsSender.Sms(message.id(), message.phone(), message.body()));
            if (sent.logged()) {
                transactions.executeWithoutResult(tx -> outbox.logged(message.id(), sent.messageId(), clock.instant()));
            } else {
                transactions.executeWithoutResult(tx -> outbox.sent(message.id(), sent.messageId(), sent.delivered(),
                        clock.instant()));
            }
            return true;
        } catch (SmsSendException e) {
            failure = e.failure();
            error = e.getMessage();
        } catch (RuntimeException e) {
            failure = Failure.REFUSED;
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (failure == Failure.OUTCOME_UNKNOWN || message.attempts() >= properties.maxAttempts()) {
            log.warn("SMS {} to {} failed for good after {} attempts: {}", message.id(), message.phone(), message.attempts(), error);
            transactions.executeWithoutResult(tx -> outbox.fail(message.id(), error));
        } else {
            Instant next = clock.instant().plus(Backoff.after(message.attempts(), properties.retryMin(), properties.retryMax()));
            log.info("SMS {} attempt {} failed, next at {}: {}", message.id(), message.attempts(), next, error);
            transactions.executeWithoutResult(tx -> outbox.retry(message.id(), next, error));
        }
        return failure == Failure.REFUSED;
    }
}
