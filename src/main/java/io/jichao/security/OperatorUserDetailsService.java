package io.jichao.security;

import java.time.Clock;
import java.util.List;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads operators for login; a locked or disabled operator cannot log in. */
@Service
class OperatorUserDetailsService implements UserDetailsService {

    private final OperatorRepository operators;
    private final Clock clock;

    OperatorUserDetailsService(OperatorRepository operators, Clock clock) {
        this.operators = operators;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Operator operator = operators.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("No operator " + username));
        return new OperatorPrincipal(operator.getId(), operator.getUsername(), operator.getPasswordHash(),
                operator.isEnabled(), operator.isLockedAt(clock.instant()), List.copyOf(operator.getRoles()));
    }
}
