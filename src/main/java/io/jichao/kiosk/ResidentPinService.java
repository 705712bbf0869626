package io.jichao.kiosk;

import java.time.Clock;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Household;
import io.jichao.archive.Meter;
import io.jichao.archive.MeterService;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import jakarta.persistence.EntityManager;

/**
 * Kiosk PINs of households, set and reset by a clerk (RECHARGE) for a meter inside the district.
 * The PIN is kept only as the application's password hash; setting or clearing it also lifts a
 * lock-out. Every change is audited (never with the PIN).
 */
@Service
public class ResidentPinService {

    private static final Pattern PIN = Pattern.compile("\\d{4,8}");

    private final MeterService meters;
    private final PinLockRepository locks;
    private final EntityManager entityManager;
    private final PasswordEncoder passwords;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    ResidentPinService(MeterService meters, PinLockRepository locks, EntityManager entityManager,
                       PasswordEncoder passwords, CurrentOperator currentOperator, AuditTrail audit, Clock clock) {
        this.meters = meters;
        this.locks = locks;
        this.entityManager = entityManager;
        this.passwords = passwords;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PinStatus status(long meterId) {
        clerk();
        return status(householdOf(meterId));
    }

    @Transactional
    public PinStatus setPin(long meterId, String pin) {
        OperatorContext clerk = clerk();
        if (pin == null || !PIN.matcher(pin).matches()) {
            throw new DomainException("error.kiosk.pin.format");
        }
        Household household = householdOf(meterId);
        boolean replaced = household.getKioskPinHash() != null;
        household.setKioskPinHash(passwords.encode(pin));
        locks.findById(household.getId()).ifPresent(PinLock::clear);
        audit.record(clerk.username(), replaced ? "KIOSK_PIN_RESET" : "KIOSK_PIN_SET", "household " + household.getId(),
                "room " + household.getRoom() + " via meter " + meterId);
        return status(household);
    }

    /** Removes the PIN: the household cannot sign in at a kiosk until a clerk sets a new one. */
    @Transactional
    public PinStatus clearPin(long meterId) {
        OperatorContext clerk = clerk();
        Household household = householdOf(meterId);
        household.setKioskPinHash(null);
        locks.findById(household.getId()).ifPresent(PinLock::clear);
        audit.record(clerk.username(), "KIOSK_PIN_CLEAR", "household " + household.getId(),
                "room " + household.getRoom() + " via meter " + meterId);
        return status(household);
    }

    private PinStatus status(Household household) {
        var lockedUntil = locks.findById(household.getId())
                .filter(lock -> lock.isLockedAt(clock.instant()))
                .map(PinLock::getLockedUntil)
                .orElse(null);
        return new PinStatus(household.getId(), household.getRoom(), household.getName(),
                household.getKioskPinHash() != null, lockedUntil);
    }

    /** MeterService.get checks VIEW_ARCHIVE and the district ("not found" outside it). */
    private Household householdOf(long meterId) {
        meters.get(meterId);
        Household household = entityManager.find(Meter.class, meterId).getHousehold();
        if (household == null) {
            throw new DomainException("error.recharge.no.household");
        }
        return household;
    }

    private OperatorContext clerk() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.RECHARGE);
        return operator;
    }
}
