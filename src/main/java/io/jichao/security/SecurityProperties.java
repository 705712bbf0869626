package io.jichao.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialAdminPassword password of the first super admin; blank = generate and log once
 * @param maxFailedLogins      failed logins in a row before the account is locked
 * @param lockout              how long a locked account stays locked
 */
@ConfigurationProperties("jichao.security")
public record SecurityProperties(
        @DefaultValue("") String initialAdminPassword,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout) {
}
