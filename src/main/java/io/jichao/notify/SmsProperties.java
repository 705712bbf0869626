package io.jichao.notify;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * SMS notifications ({@code jichao.sms.*}); see the README's table.
 *
 * @param sender          {@code none} (default: messages stay queued), {@code smpp}, {@code http}, or
 *                        {@code log} (development: writes each message to the log, state LOGGED;
 *                        refused outside the demo profile unless {@code jichao.sms.allow-log-sender=true})
 * @param defaultLanguage language of a household's messages (households have no language of their own)
 * @param maxAttempts     send attempts before a message is FAILED
 * @param retryMin        wait after the first failed attempt, doubling per failure
 * @param retryMax        longest wait between attempts
 * @param perNumberPerHour messages sent to one number within an hour; more wait, never dropped
 * @param dedupWindow     the same de-duplication key to the same number within this window is not queued again
 * @param quietStart      start of the quiet hours (local time in {@code quietZone}); equal to
 *                        {@code quietEnd} means no quiet hours
 * @param quietEnd        end of the quiet hours
 * @param quietZone       zone of the quiet hours
 * @param escalationDelay time an alert waits for an acknowledgement before the next contact is notified
 * @param batchSize       messages claimed per dispatch round
 * @param sendingTimeout  a message SENDING longer than this was left by a stopped process: its
 *                        outcome is unknown, so it is FAILED rather than sent a second time
 */
@ConfigurationProperties("jichao.sms")
public record SmsProperties(
        @DefaultValue("none") String sender,
        @DefaultValue("zh-CN") String defaultLanguage,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("30s") Duration retryMin,
        @DefaultValue("30m") Duration retryMax,
        @DefaultValue("5") int perNumberPerHour,
        @DefaultValue("6h") Duration dedupWindow,
        @DefaultValue("22:00") LocalTime quietStart,
        @DefaultValue("07:00") LocalTime quietEnd,
        @DefaultValue("Asia/Shanghai") ZoneId quietZone,
        @DefaultValue("15m") Duration escalationDelay,
        @DefaultValue("50") int batchSize,
        @DefaultValue("10m") Duration sendingTimeout,
        @DefaultValue Smpp smpp,
        @DefaultValue Http http) {

    /**
     * @param host            SMSC host
     * @param port            SMSC port
     * @param systemId        bind system_id
     * @param password        bind password
     * @param systemType      bind system_type
     * @param sourceAddress   sender address of submit_sm
     * @param timeout         connect, bind and response timeout
     */
    public record Smpp(@DefaultValue("127.0.0.1") String host, @DefaultValue("2775") int port,
                       @DefaultValue("jichao") String systemId, @DefaultValue("") String password,
                       @DefaultValue("") String systemType, @DefaultValue("10690000") String sourceAddress,
                       @DefaultValue("10s") Duration timeout) {
    }

    /**
     * @param url     the gateway's endpoint (JSON POST)
     * @param secret  shared secret of the HMAC-SHA256 signature header
     * @param timeout connect and answer timeout
     */
    public record Http(@DefaultValue("http://127.0.0.1:8090/sms") String url, @DefaultValue("") String secret,
                       @DefaultValue("10s") Duration timeout) {
    }
}
