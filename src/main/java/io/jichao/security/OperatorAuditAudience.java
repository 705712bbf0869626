package io.jichao.security;

import org.springframework.stereotype.Component;

import io.jichao.audit.AuditAudience;
import io.jichao.shared.DomainException;

/**
 * Tells the audit feature what the logged-in operator may read: the super admin every action,
 * finance the money actions, anyone else nothing (refused).
 */
@Component
class OperatorAuditAudience implements AuditAudience {

    private final CurrentOperator currentOperator;

    OperatorAuditAudience(CurrentOperator currentOperator) {
        this.currentOperator = currentOperator;
    }

    @Override
    public Reach reach() {
        OperatorContext operator = currentOperator.get();
        if (operator.roles().contains(Role.SUPER_ADMIN)) {
            return Reach.ALL;
        }
        if (operator.roles().contains(Role.FINANCE)) {
            return Reach.MONEY;
        }
        throw new DomainException("error.permission.denied", "AUDIT");
    }
}
