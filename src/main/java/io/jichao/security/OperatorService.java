package io.jichao.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;

/** Operator administration (super admins) and each operator's own password. */
@Service
public class OperatorService {

    /** Minimum password length; a password must also mix letters and digits. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final OperatorRepository operators;
    private final PasswordEncoder passwordEncoder;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    OperatorService(OperatorRepository operators, PasswordEncoder passwordEncoder, CurrentOperator currentOperator,
                    AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.operators = operators;
        this.passwordEncoder = passwordEncoder;
        this.currentOperator = currentOperator;
        this.audit = audit;
    }

    /** An operator as the admin pages show and edit it. */
    public record OperatorSummary(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                                  boolean wholeSite, Set<Long> buildingIds, Set<Long> boxIds, boolean locked,
                                  Long propertyOfficeId) {
    }

    /** What an admin submits to create or change an operator. */
    public record OperatorDraft(String username, String displayName, Set<Role> roles, boolean wholeSite,
                                Set<Long> buildingIds, Set<Long> boxIds, Long propertyOfficeId) {
    }

    @Transactional(readOnly = true)
    public List<OperatorSummary> list() {
        currentOperator.get().require(Permission.MANAGE_OPERATORS);
        return operators.findAll().stream().map(this::summary).toList();
    }

    @Transactional
    public OperatorSummary create(OperatorDraft draft, String initialPassword) {
        OperatorContext actor = currentOperator.get();
        actor.require(Permission.MANAGE_OPERATORS);
        validate(draft);
        checkPasswordStrength(initialPassword);
        if (operators.findByUsername(draft.username().trim()).isPresent()) {
            throw new DomainException("error.operator.username.taken", draft.username());
        }
        Operator operator = new Operator(draft.username().trim(), draft.displayName().trim(),
                passwordEncoder.encode(initialPassword));
        operator.changePasswordHash(operator.getPasswordHash(), true);
        apply(operator, draft);
        operators.save(operator);
        audit.record(actor.username(), "OPERATOR_CREATE", operator.getUsername(), describe(draft));
        return summary(operator);
    }

    @Transactional
    public OperatorSummary update(long operatorId, OperatorDraft draft) {
        OperatorContext actor = currentOperator.get();
        actor.require(Permission.MANAGE_OPERATORS);
        validate(draft);
        Operator operator = find(operatorId);
        if (operator.getId() == actor.operatorId() && !draft.roles().contains(Role.SUPER_ADMIN)) {
            throw new DomainException("error.operator.cannot.demote.self");
        }
        operator.setDisplayName(draft.displayName().trim());
        apply(operator, draft);
        audit.record(actor.username(), "OPERATOR_UPDATE", operator.getUsername(), describe(draft));
        return summary(operator);
    }

    @Transactional
    public void setEnabled(long operatorId, boolean enabled) {
        OperatorContext actor = currentOperator.get();
        actor.require(Permission.MANAGE_OPERATORS);
        Operator operator = find(operatorId);
        if (!enabled && operator.getId() == actor.operatorId()) {
            throw new DomainException("error.operator.cannot.disable.self");
        }
        operator.setEnabled(enabled);
        audit.record(actor.username(), enabled ? "OPERATOR_ENABLE" : "OPERATOR_DISABLE", operator.getUsername(), null);
    }

    /** Sets a new password the operator must change at the next login; also lifts a lock-out. */
    @Transactional
    public void resetPassword(long operatorId, String newPassword) {
        OperatorContext actor = currentOperator.get();
        actor.require(Permission.MANAGE_OPERATORS);
        checkPasswordStrength(newPassword);
        Operator operator = find(operatorId);
        operator.changePasswordHash(passwordEncoder.encode(newPassword), true);
        operator.recordSuccessfulLogin();
        audit.record(actor.username(), "OPERATOR_RESET_PASSWORD", operator.getUsername(), null);
    }

    /**
     * Creates an operator on behalf of the system at start-up (demo site, provisioning), when no
     * operator is logged in. Not reachable from any view.
     */
    @Transactional
    public OperatorSummary provisionAtStartup(OperatorDraft draft, String password, boolean mustChangePassword) {
        validate(draft);
        Operator operator = operators.findByUsername(draft.username())
                .orElseGet(() -> new Operator(draft.username(), draft.displayName(), passwordEncoder.encode(password)));
        operator.changePasswordHash(operator.getPasswordHash(), mustChangePassword);
        apply(operator, draft);
        operators.save(operator);
        audit.record("system", "OPERATOR_PROVISION", operator.getUsername(), describe(draft));
        return summary(operator);
    }

    /**
     * At start-up, on behalf of the system: an operator who still has {@code password} (a demo
     * operator on the demo password, outside the demo) must change it at the next login. Audited
     * when it changes anything; an unknown username is ignored.
     */
    @Transactional
    public void requirePasswordChangeAtStartup(String username, String password) {
        operators.findByUsername(username)
                .filter(operator -> !operator.isMustChangePassword())
                .filter(operator -> passwordEncoder.matches(password, operator.getPasswordHash()))
                .ifPresent(operator -> {
                    operator.changePasswordHash(operator.getPasswordHash(), true);
                    audit.record("system", "OPERATOR_FORCE_PASSWORD_CHANGE", username, "still on the demo password");
                });
    }

    /** The logged-in operator changes their own password. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        OperatorContext actor = currentOperator.get();
        Operator operator = find(actor.operatorId());
        if (!passwordEncoder.matches(currentPassword, operator.getPasswordHash())) {
            throw new DomainException("error.password.current.wrong");
        }
        if (passwordEncoder.matches(newPassword, operator.getPasswordHash())) {
            throw new DomainException("error.password.same");
        }
        checkPasswordStrength(newPassword);
        operator.changePasswordHash(passwordEncoder.encode(newPassword), false);
        audit.record(actor.username(), "PASSWORD_CHANGE", operator.getUsername(), null);
    }

    @Transactional(readOnly = true)
    public boolean mustChangePassword() {
        return find(currentOperator.get().operatorId()).isMustChangePassword();
    }

    static void checkPasswordStrength(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH
                || password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit)) {
            throw new DomainException("error.password.weak", MIN_PASSWORD_LENGTH);
        }
    }

    private static void validate(OperatorDraft draft) {
        if (draft.username() == null || !draft.username().trim().matches("[A-Za-z0-9._-]{3,50}")) {
            throw new DomainException("error.operator.username.invalid");
        }
        if (draft.displayName() == null || draft.displayName().isBlank()) {
            throw new DomainException("error.required", "displayName");
        }
        if (draft.roles() == null || draft.roles().isEmpty()) {
            throw new DomainException("error.operator.roles.required");
        }
        if (!draft.wholeSite() && draft.buildingIds().isEmpty() && draft.boxIds().isEmpty()) {
            throw new DomainException("error.operator.district.required");
        }
    }

    private static void apply(Operator operator, OperatorDraft draft) {
        operator.setRoles(draft.roles());
        operator.assignDistrict(draft.wholeSite(), draft.buildingIds(), draft.boxIds());
        operator.setPropertyOfficeId(draft.propertyOfficeId());
    }

    private static String describe(OperatorDraft draft) {
        return "roles=" + draft.roles() + " wholeSite=" + draft.wholeSite() + " buildings=" + draft.buildingIds()
                + " boxes=" + draft.boxIds();
    }

    private Operator find(long operatorId) {
        return operators.findById(operatorId).orElseThrow(() -> new DomainException("error.operator.not.found"));
    }

    private OperatorSummary summary(Operator operator) {
        return new OperatorSummary(operator.getId(), operator.getUsername(), operator.getDisplayName(),
                operator.getRoles(), operator.isEnabled(), operator.isWholeSite(), operator.getDistrictBuildingIds(),
                operator.getDistrictBoxIds(), operator.isLockedAt(clock.instant()), operator.getPropertyOfficeId());
    }
}
