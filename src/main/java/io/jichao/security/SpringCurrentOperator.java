package io.jichao.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.shared.DomainException;

/**
 * Reads the logged-in operator from Spring Security and loads the current roles and district
 * from the database, so a changed district applies at once, not at the next login.
 */
@Component
class SpringCurrentOperator implements CurrentOperator {

    private final OperatorRepository operators;

    SpringCurrentOperator(OperatorRepository operators) {
        this.operators = operators;
    }

    @Override
    @Transactional(readOnly = true)
    public OperatorContext get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof OperatorPrincipal principal)) {
            throw new DomainException("error.not.logged.in");
        }
        Operator operator = operators.findById(principal.operatorId())
                .filter(Operator::isEnabled)
                .orElseThrow(() -> new DomainException("error.not.logged.in"));
        return operator.toContext();
    }
}
