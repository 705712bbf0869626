package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/**
 * The sender a start gets: the development log sender only in the demo profile or when explicitly
 * allowed, nothing (messages stay queued) by default, and a log "send" never counts as delivered.
 */
class SmsConfigurationTest {

    private final SmsConfiguration configuration = new SmsConfiguration();

    @Test
    void the_log_sender_is_refused_at_start_outside_the_demo_profile_unless_explicitly_allowed() {
        assertThatThrownBy(() -> configuration.smsSender(properties("log"), null, new MockEnvironment(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(SmsConfiguration.LOG_SENDER_REFUSED)
                .hasMessageContaining("jichao.sms.allow-log-sender=true");
    }

    @Test
    void the_refused_start_says_in_one_message_what_is_wrong_and_what_to_do() {
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> configuration.smsSender(properties("log"), null, new MockEnvironment(), false));

        org.springframework.boot.diagnostics.FailureAnalysis analysis = new LogSenderRefusedAnalyzer()
                .analyze(new RuntimeException("bean creation failed", refused));

        assertThat(analysis.getDescription()).contains("development SMS sender");
        assertThat(analysis.getAction()).contains("demo").contains("jichao.sms.allow-log-sender=true");
    }

    @Test
    void the_log_sender_is_accepted_in_the_demo_profile_or_when_allowed() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThat(configuration.smsSender(properties("log"), null, demo, false)).isInstanceOf(LogSmsSender.class);
        assertThat(configuration.smsSender(properties("log"), null, new MockEnvironment(), true))
                .isInstanceOf(LogSmsSender.class);
    }

    @Test
    void a_logged_message_is_not_delivered() throws Exception {
        SmsSender.Sent sent = new LogSmsSender().send(new SmsSender.Sms(7, "13900000000", "hello"));

        assertThat(sent.logged()).isTrue();
        assertThat(sent.delivered()).isFalse();
    }

    @Test
    void the_none_sender_sends_nothing_so_messages_stay_queued() {
        SmsSender none = configuration.smsSender(properties("none"), null, new MockEnvironment(), false);

        assertThat(none.sends()).isFalse();
        assertThat(new OutboxDispatcher(null, properties("none"), null, null).dispatch(none))
                .as("nothing claimed").isZero();
    }

    private static SmsProperties properties(String sender) {
        return new SmsProperties(sender, "zh-CN", 3, Duration.ofSeconds(10), Duration.ofMinutes(1), 5,
                Duration.ofHours(6), LocalTime.NOON, LocalTime.NOON, ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(15),
                50, Duration.ofMinutes(10), new SmsProperties.Smpp("127.0.0.1", 2775, "jichao", "", "", "10690000",
                Duration.ofSeconds(3)), new SmsProperties.Http("http://127.0.0.1:1/sms", "", Duration.ofSeconds(3)));
    }
}
