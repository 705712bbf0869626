package io.jichao.notify;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the refused log sender into Spring Boot's one "APPLICATION FAILED TO START" message
 * (what is wrong and what to do) instead of a stack of bean creation errors.
 */
public final class LogSenderRefusedAnalyzer extends AbstractFailureAnalyzer<LogSenderRefusedAnalyzer.Refused> {

    /** The start-up refusal of {@code jichao.sms.sender=log} outside the demo profile. */
    static final class Refused extends IllegalStateException {
        Refused() {
            super(SmsConfiguration.LOG_SENDER_REFUSED);
        }
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Refused cause) {
        return new FailureAnalysis("jichao.sms.sender=log is the development SMS sender: it only writes messages"
                + " to the log and reaches no phone.", "Start with the demo profile (--spring.profiles.active=demo),"
                + " set jichao.sms.allow-log-sender=true to use it anyway, or set jichao.sms.sender to smpp, http"
                + " or none.", cause);
    }
}
