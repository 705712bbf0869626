package io.jichao.kiosk;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Building;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import jakarta.persistence.EntityManager;

/**
 * Registers and revokes kiosk devices (administrators with MANAGE_OPERATORS whose district holds
 * the whole building), and recognises a device by its token for the kiosk itself.
 */
@Service
public class KioskDeviceService {

    public static final String COOKIE = "JICHAO_KIOSK";
    static final int MAX_NAME = 100;

    private final KioskDeviceRepository devices;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    KioskDeviceService(KioskDeviceRepository devices, EntityManager entityManager, CurrentOperator currentOperator,
                       AuditTrail audit, Clock clock) {
        this.devices = devices;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    /** Devices of the buildings wholly inside the administrator's district, oldest first. */
    @Transactional(readOnly = true)
    public List<KioskDeviceRow> devices() {
        DistrictScope district = admin().district();
        return devices.findAllByOrderByIdAsc().stream()
                .filter(device -> district.coversWholeBuilding(device.getBuildingId()))
                .map(this::row)
                .toList();
    }

    @Transactional
    public IssuedKiosk register(long buildingId, String name) {
        OperatorContext admin = admin();
        String wanted = name == null ? "" : name.strip();
        if (wanted.isEmpty()) {
            throw new DomainException("error.required", "name");
        }
        if (wanted.length() > MAX_NAME) {
            throw new DomainException("error.kiosk.name.too.long", MAX_NAME);
        }
        if (!admin.district().coversWholeBuilding(buildingId) || entityManager.find(Building.class, buildingId) == null) {
            throw new DomainException("error.building.not.found");
        }
        String token = KioskTokens.newToken();
        KioskDevice device = devices.save(new KioskDevice(buildingId, wanted, KioskTokens.hash(token),
                admin.username(), clock.instant()));
        audit.record(admin.username(), "KIOSK_REGISTER", "building " + buildingId, "kiosk " + device.getId() + " " + wanted);
        return new IssuedKiosk(device.getId(), token, "/kiosk?device=" + token);
    }

    @Transactional
    public void revoke(long deviceId) {
        OperatorContext admin = admin();
        KioskDevice device = devices.findById(deviceId)
                .filter(found -> admin.district().coversWholeBuilding(found.getBuildingId()))
                .orElseThrow(() -> new DomainException("error.kiosk.not.found"));
        device.revoke(admin.username(), clock.instant());
        audit.record(admin.username(), "KIOSK_REVOKE", "building " + device.getBuildingId(), "kiosk " + deviceId);
    }

    /** The kiosk a device token belongs to; empty for an unknown, malformed or revoked token. */
    @Transactional(readOnly = true)
    public Optional<KioskTerminal> identify(String token) {
        if (!KioskTokens.wellFormed(token)) {
            return Optional.empty();
        }
        return devices.findByTokenHash(KioskTokens.hash(token)).filter(device -> !device.isRevoked()).map(this::terminal);
    }

    /** The kiosk again by its ID (a revoked one is gone), for the checks of every resident request. */
    @Transactional(readOnly = true)
    Optional<KioskTerminal> active(long deviceId) {
        return devices.findById(deviceId).filter(device -> !device.isRevoked()).map(this::terminal);
    }

    private KioskTerminal terminal(KioskDevice device) {
        Building building = entityManager.find(Building.class, device.getBuildingId());
        return new KioskTerminal(device.getId(), device.getBuildingId(), building.getCode(), building.getName(),
                device.getName());
    }

    private KioskDeviceRow row(KioskDevice device) {
        Building building = entityManager.find(Building.class, device.getBuildingId());
        return new KioskDeviceRow(device.getId(), device.getBuildingId(), building.getCode() + " " + building.getName(),
                device.getName(), device.getIssuedBy(), device.getIssuedAt(), device.getRevokedAt());
    }

    private OperatorContext admin() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_OPERATORS);
        return operator;
    }
}
