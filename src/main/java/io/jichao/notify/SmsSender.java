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
     * @param delivered the gateway reports the message delivered already (the log sender)
     */
    record Sent(String messageId, boolean delivered) {
    }

    /** The gateway did not accept the message. */
    final class SmsSendException extends Exception {
        public SmsSendException(String message, Throwable cause) {
            super(message, cause);
        }

        public SmsSendException(String message) {
            super(message);
        }
    }
}
