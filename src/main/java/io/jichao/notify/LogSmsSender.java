package io.jichao.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The demo's sender: writes each message to the log and counts it delivered. */
class LogSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LogSmsSender.class);

    @Override
    public Sent send(Sms sms) {
        log.info("SMS {} to {}: {}", sms.id(), sms.phone(), sms.body());
        return new Sent("log-" + sms.id(), true);
    }
}
