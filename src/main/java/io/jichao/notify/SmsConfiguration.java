package io.jichao.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one sender of {@code jichao.sms.sender}: {@code log} (default), {@code smpp} or {@code http}. */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    @Bean
    SmsSender smsSender(SmsProperties properties, SmsReceipts receipts) {
        return switch (properties.sender()) {
            case "log" -> new LogSmsSender();
            case "smpp" -> new SmppSmsSender(properties.smpp(), receipts);
            case "http" -> new HttpSmsSender(properties.http());
            default -> throw new IllegalStateException("jichao.sms.sender must be log, smpp or http, not " + properties.sender());
        };
    }
}
