package io.jichao.notify;

/**
 * One way of handing an SMS to the network. Implementations are chosen by {@code jichao.sms.sender};
 * the dispatcher calls them from one thread at a time per process.
 */
public interface SmsSender {

    /**
     * Sends one message; returns what the gateway answered or throws when it was not accepted
     * (the dispatcher then retries with back-off).
     */
    Sent send(Sms sms) throws SmsSendException;

    /** One message to one number. */
    record Sms(long id, String phone, String body) {
    }

    /**
     * @param messageId the gateway's id (receipts refer to it); may be null
     * @param delivered the gateway reports the message delivered already
     * @param logged    only written to the log by the development sender: reached no phone
     */
    record Sent(String messageId, boolean delivered, boolean logged) {
        public Sent(String messageId, boolean delivered) {
            this(messageId, delivered, false);
        }

        /** What the development sender "sends": a log line, never a delivery. */
        public static Sent loggedOnly(String messageId) {
            return new Sent(messageId, false, true);
        }
    }

    /** False for the "none" sender: messages then stay queued until a real sender is configured. */
    default boolean sends() {
        return true;
    }

    /** Why a send failed, which decides what the dispatcher does next. */
    enum Failure {
        /** The gateway answered and refused this message: retried with back-off. */
        REFUSED,
        /** The gateway could not be reached, nothing was sent: retried, the rest of the round waits. */
        UNREACHABLE,
        /**
         * The message went out but no answer came (e.g. no submit_sm_resp): it may have been
         * accepted, so it is FAILED rather than sent a second time; the rest of the round waits.
         */
        OUTCOME_UNKNOWN
    }

    /** The gateway did not accept the message, or its answer was lost. */
    final class SmsSendException extends Exception {
        private final Failure failure;

        public SmsSendException(String message, Throwable cause, Failure failure) {
            super(message, cause);
            this.failure = failure;
        }

        public SmsSendException(String message) {
            super(message);
            this.failure = Failure.REFUSED;
        }

        public Failure failure() {
            return failure;
        }
    }
}
