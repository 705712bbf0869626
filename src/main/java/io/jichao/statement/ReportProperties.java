package io.jichao.statement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mailFrom    sender address of the scheduled report mails
 * @param delay       how long after a period ends its report is due (late readings, night jobs)
 * @param maxAttempts tries per subscription and period before a failing delivery is given up
 * @param staleAfter  a delivery left SENDING longer than this (process died mid-send) is tried again
 */
@ConfigurationProperties("jichao.reports")
public record ReportProperties(
        @DefaultValue("jichao@localhost") String mailFrom,
        @DefaultValue("1h") Duration delay,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30m") Duration staleAfter) {
}
