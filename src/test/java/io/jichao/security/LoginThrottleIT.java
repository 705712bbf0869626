package io.jichao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.security.OperatorService.OperatorDraft;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

/** Passwords are BCrypt hashes, and repeated failed logins lock the account for a while. */
@JichaoSpringTest
class LoginThrottleIT {

    @Autowired
    private AuthenticationConfiguration authenticationConfiguration;
    @Autowired
    private OperatorService operators;
    @Autowired
    private OperatorRepository repository;
    @Autowired
    private UserDetailsService users;

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_for_the_right_password() throws Exception {
        String username = "lock" + UUID.randomUUID().toString().substring(0, 8);
        LoginSupport.loginAs(users, "super");
        operators.create(new OperatorDraft(username, "Locked", Set.of(Role.FINANCE), true, Set.of(), Set.of(), null),
                "RightPass99");
        LoginSupport.logout();
        AuthenticationManager manager = authenticationConfiguration.getAuthenticationManager();

        assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "RightPass99"))
                .isAuthenticated()).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> manager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> manager.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "RightPass99")))
                .isInstanceOf(LockedException.class);
    }

    @Test
    void passwords_are_stored_as_bcrypt_hashes() {
        Operator clerk = repository.findByUsername("clerk").orElseThrow();
        assertThat(clerk.getPasswordHash()).startsWith("$2").doesNotContain("demo1234");
    }
}
