package io.jichao.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Building;
import io.jichao.archive.Household;
import io.jichao.audit.AuditTrail;
import jakarta.persistence.EntityManager;

/**
 * Resident sign-in at a kiosk: room number of the kiosk's building + PIN. Wrong PINs are counted
 * per household (locked for {@code pin-lockout} after {@code max-failed-pins}) and per device (the
 * kiosk pauses after {@code device-max-failed-pins} wrong PINs in a row, whatever the rooms), so a
 * passer-by can neither guess one household's PIN nor sweep the building. Results are returned,
 * not thrown, so the counters commit.
 */
@Service
public class KioskSignIn {

    private final KioskDeviceRepository devices;
    private final PinLockRepository locks;
    private final EntityManager entityManager;
    private final PasswordEncoder passwords;
    private final KioskProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    KioskSignIn(KioskDeviceRepository devices, PinLockRepository locks, EntityManager entityManager,
                PasswordEncoder passwords, KioskProperties properties, AuditTrail audit, Clock clock) {
        this.devices = devices;
        this.locks = locks;
        this.entityManager = entityManager;
        this.passwords = passwords;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public SignInResult signIn(long deviceId, String room, String pin) {
        Optional<KioskDevice> found = devices.findById(deviceId).filter(device -> !device.isRevoked());
        if (found.isEmpty()) {
            return new SignInResult.KioskRevoked();
        }
        KioskDevice device = found.get();
        Instant now = clock.instant();
        if (device.isLockedAt(now)) {
            return new SignInResult.KioskLocked(device.getLockedUntil());
        }
        Optional<Household> household = household(device.getBuildingId(), room);
        if (household.isEmpty()) {
            return failedOnDevice(device, now);
        }
        long householdId = household.get().getId();
        PinLock lock = locks.findById(householdId).orElseGet(() -> locks.save(new PinLock(householdId)));
        if (lock.isLockedAt(now)) {
            return new SignInResult.HouseholdLocked(lock.getLockedUntil());
        }
        String hash = household.get().getKioskPinHash();
        if (hash == null || pin == null || pin.isEmpty() || !passwords.matches(pin, hash)) {
            lock.recordFailure(now, properties.maxFailedPins(), properties.pinLockout());
            SignInResult onDevice = failedOnDevice(device, now);
            if (lock.isLockedAt(now)) {
                audit.record(actor(device), "KIOSK_PIN_LOCKED", "household " + householdId,
                        "room " + household.get().getRoom() + " locked until " + lock.getLockedUntil());
                return new SignInResult.HouseholdLocked(lock.getLockedUntil());
            }
            return onDevice;
        }
        lock.clear();
        device.recordSignIn();
        return new SignInResult.SignedIn(new Resident(householdId, device.getId(), device.getBuildingId(),
                household.get().getRoom(), household.get().getName(), null));
    }

    private SignInResult failedOnDevice(KioskDevice device, Instant now) {
        device.recordFailedPin(now, properties.deviceMaxFailedPins(), properties.deviceLockout());
        if (device.isLockedAt(now)) {
            audit.record(actor(device), "KIOSK_DEVICE_LOCKED", "building " + device.getBuildingId(),
                    "kiosk " + device.getId() + " paused until " + device.getLockedUntil());
            return new SignInResult.KioskLocked(device.getLockedUntil());
        }
        return new SignInResult.WrongPin();
    }

    /** The room as typed, or with the building's code in front (rooms are stored as e.g. "D101"). */
    private Optional<Household> household(long buildingId, String room) {
        String typed = room == null ? "" : room.strip();
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        Building building = entityManager.find(Building.class, buildingId);
        List<Household> matches = entityManager.createQuery("""
                        SELECT h FROM Household h WHERE h.building.id = :building AND h.room IN (:typed, :prefixed)
                        ORDER BY h.id""", Household.class)
                .setParameter("building", buildingId)
                .setParameter("typed", typed)
                .setParameter("prefixed", building.getCode() + typed)
                .getResultList();
        return matches.stream().filter(h -> h.getRoom().equals(typed)).findFirst().or(() -> matches.stream().findFirst());
    }

    static String actor(KioskDevice device) {
        return "kiosk:" + device.getId();
    }
}
