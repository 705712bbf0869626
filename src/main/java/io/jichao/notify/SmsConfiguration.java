package io.jichao.notify;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.context.annotation.Configuration;

/**
 * The one sender of {@code jichao.sms.sender}: {@code none} (default: messages stay queued),
 * {@code smpp}, {@code http}, or {@code log}, the development sender, which a start refuses unless
 * the {@code demo} profile is active or {@code jichao.sms.allow-log-sender=true} says it is meant.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    static final String LOG_SENDER_REFUSED = "jichao.sms.sender=log only writes messages to the log and reaches"
            + " no phone: start with the demo profile, set jichao.sms.allow-log-sender=true to use it anyway,"
            + " or choose smpp, http or none";

    @Bean
    SmsSender smsSender(SmsProperties properties, SmsReceipts receipts, Environment environment,
                        @Value("${jichao.sms.allow-log-sender:false}") boolean allowLogSender) {
        return switch (properties.sender()) {
            case "none" -> new NoSmsSender();
            case "log" -> {
                if (!allowLogSender && !environment.acceptsProfiles(Profiles.of("demo"))) {
                    throw new LogSenderRefusedAnalyzer.Refused();
                }
                yield new LogSmsSender();
            }
            case "smpp" -> new SmppSmsSender(properties.smpp(), receipts);
            case "http" -> new HttpSmsSender(properties.http());
            default -> throw new IllegalStateException("jichao.sms.sender must be none, smpp, http or log, not " + properties.sender());
        };
    }
}
