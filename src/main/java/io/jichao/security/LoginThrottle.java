package io.jichao.security;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Locks an account for a while after repeated failed logins, to slow down password guessing. */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final OperatorRepository operators;
    private final SecurityProperties properties;
    private final Clock clock;

    LoginThrottle(OperatorRepository operators, SecurityProperties properties, Clock clock) {
        this.operators = operators;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        operators.findByUsername(event.getAuthentication().getName()).ifPresent(operator -> {
            operator.recordFailedLogin(clock.instant(), properties.maxFailedLogins(), properties.lockout());
            if (operator.isLockedAt(clock.instant())) {
                log.warn("Operator {} locked until {} after repeated failed logins",
                        operator.getUsername(), operator.getLockedUntil());
            }
        });
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        operators.findByUsername(event.getAuthentication().getName()).ifPresent(Operator::recordSuccessfulLogin);
    }
}
