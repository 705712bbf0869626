package io.jichao.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development sender of the demo: writes each message to the log. Its messages are LOGGED,
 * never DELIVERED (no phone got them). Refused at start-up outside the demo profile unless
 * {@code jichao.sms.allow-log-sender=true} ({@link SmsConfiguration}).
 */
class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public Sent send(Sms sms) {
        log.info("SMS {} to {}: {}", sms.id(), sms.phone(), sms.body());
        return Sent.loggedOnly("log-" + sms.id());
    }
}
