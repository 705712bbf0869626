package io.jichao.archive;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import jakarta.persistence.EntityManager;

/** The meter archive (R21), always inside the acting operator's district. */
@Service
public class MeterService {

    private static final int EXPORT_CHUNK = 2_000;

    private final MeterRepository meters;
    private final ArchiveLookup lookup;
    private final HouseholdRepository households;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;
    private final ArchiveChanges changes;

    MeterService(MeterRepository meters, ArchiveLookup lookup, HouseholdRepository households,
                 EntityManager entityManager, CurrentOperator currentOperator, AuditTrail audit, Clock clock,
                 ArchiveChanges changes) {
        this.changes = changes;
        this.meters = meters;
        this.lookup = lookup;
        this.households = households;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long count(MeterFilter filter) {
        DistrictScope district = viewer().district();
        return new MeterQuery(district, filter).count(entityManager);
    }

    @Transactional(readOnly = true)
    public List<MeterRow> page(MeterFilter filter, int offset, int limit, List<MeterSort> sorts) {
        DistrictScope district = viewer().district();
        return new MeterQuery(district, filter).page(entityManager, sorts, offset, Math.min(limit, 1_000));
    }

    /** Streams every row the filter selects, in chunks, for export; never holds them all. */
    @Transactional(readOnly = true)
    public void forEachRow(MeterFilter filter, List<MeterSort> sorts, Consumer<MeterRow> consumer) {
        DistrictScope district = viewer().district();
        MeterQuery query = new MeterQuery(district, filter);
        for (int offset = 0; ; offset += EXPORT_CHUNK) {
            List<MeterRow> chunk = query.page(entityManager, sorts, offset, EXPORT_CHUNK);
            chunk.forEach(consumer);
            entityManager.clear();
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
        }
    }

    /** Households with an active meter inside the district. */
    @Transactional(readOnly = true)
    long countHouseholds(DistrictScope district) {
        MeterQuery query = new MeterQuery(district, MeterFilter.none().withState(MeterState.ACTIVE));
        return query.countDistinctHouseholds(entityManager);
    }

    @Transactional(readOnly = true)
    public MeterDetails get(long meterId) {
        OperatorContext operator = viewer();
        Meter meter = findInDistrict(meterId, operator.district());
        Household household = meter.getHousehold();
        MeterDraft draft = new MeterDraft(meter.getAddress(), meter.getDeviceChannel(), meter.getProtocol(),
                meter.getPhase(), meter.getBillingMode(), meter.getBuilding().getId(),
                meter.getFloor() == null ? null : meter.getFloor().getId(),
                meter.getBox() == null ? null : meter.getBox().getId(),
                meter.getSerialPort() == null ? null : meter.getSerialPort().getId(),
                meter.getCtRatio(), meter.getPtRatio(), meter.getMaxPowerKw(), meter.getAlarmLevel1Kwh(),
                meter.getAlarmLevel2Kwh(), household == null ? null : household.getRoom(),
                household == null ? null : household.getName(),
                household == null ? List.of() : household.getPhones());
        Long collectorId = meter.getSerialPort() == null ? null : meter.getSerialPort().getCollector().getId();
        return new MeterDetails(meter.getId(), meter.getState(), draft, collectorId);
    }

    /** The name people use for a meter inside the operator's district (building, room, address). */
    @Transactional(readOnly = true)
    public MeterName name(long meterId) {
        Meter meter = findInDistrict(meterId, viewer().district());
        Household household = meter.getHousehold();
        String address = meter.getDeviceChannel() == null ? meter.getAddress()
                : meter.getAddress() + "#" + meter.getDeviceChannel();
        return new MeterName(meter.getBuilding().getName(), household == null ? null : household.getRoom(), address);
    }

    @Transactional
    public long create(MeterDraft draft) {
        OperatorContext operator = editor();
        Meter meter = new Meter(draft.address(), draft.protocol(), draft.phase(), null, draft.billingMode());
        apply(meter, draft, operator.district());
        meters.save(meter);
        audit.record(operator.username(), "METER_CREATE", meter.getAddress(), describe(draft));
        changes.devicesChanged("METER_CREATE");
        return meter.getId();
    }

    @Transactional
    public void update(long meterId, MeterDraft draft) {
        OperatorContext operator = editor();
        Meter meter = findInDistrict(meterId, operator.district());
        if (meter.getState() == MeterState.REMOVED) {
            throw new DomainException("error.meter.removed");
        }
        apply(meter, draft, operator.district());
        audit.record(operator.username(), "METER_UPDATE", meter.getAddress(), describe(draft));
        changes.devicesChanged("METER_UPDATE");
    }

    /** Marks a meter removed; its readings, money and history stay and it is never deleted. */
    @Transactional
    public void remove(long meterId) {
        OperatorContext operator = editor();
        Meter meter = findInDistrict(meterId, operator.district());
        if (meter.getState() == MeterState.REMOVED) {
            return;
        }
        meter.remove(clock.instant());
        audit.record(operator.username(), "METER_REMOVE", meter.getAddress(), null);
        changes.devicesChanged("METER_REMOVE");
    }

    /**
     * Creates all drafts in one transaction: either every meter is saved or none is. Used by the
     * importer after it has shown a clean preview.
     */
    @Transactional
    public int createAll(List<MeterDraft> drafts) {
        OperatorContext operator = editor();
        for (MeterDraft draft : drafts) {
            Meter meter = new Meter(draft.address(), draft.protocol(), draft.phase(), null, draft.billingMode());
            apply(meter, draft, operator.district());
            meters.save(meter);
            entityManager.flush();
        }
        audit.record(operator.username(), "METER_IMPORT", drafts.size() + " meters", null);
        changes.devicesChanged("METER_IMPORT");
        return drafts.size();
    }

    /** Problems a draft would hit against the database (district, bus uniqueness), without saving. */
    @Transactional(readOnly = true)
    public List<DomainException> check(MeterDraft draft, Long existingMeterId) {
        OperatorContext operator = editor();
        List<DomainException> errors = new ArrayList<>(MeterRules.violations(draft));
        if (errors.isEmpty()) {
            try {
                resolveLocation(draft, operator.district());
                checkUniqueOnBus(draft, existingMeterId);
            } catch (DomainException e) {
                errors.add(e);
            }
        }
        return errors;
    }

    private void apply(Meter meter, MeterDraft draft, DistrictScope district) {
        List<DomainException> errors = MeterRules.violations(draft);
        if (!errors.isEmpty()) {
            throw errors.getFirst();
        }
        Location location = resolveLocation(draft, district);
        checkUniqueOnBus(draft, meter.getId());
        meter.setAddress(draft.address());
        meter.setDeviceChannel(draft.deviceChannel());
        meter.setProtocol(draft.protocol());
        meter.setPhase(draft.phase());
        meter.setBillingMode(draft.billingMode());
        meter.setBuilding(location.building());
        meter.setFloor(location.floor());
        meter.setBox(location.box());
        meter.setSerialPort(location.port());
        meter.setCtRatio(draft.ctRatio());
        meter.setPtRatio(draft.ptRatio());
        meter.setMaxPowerKw(draft.maxPowerKw());
        meter.setAlarmLevel1Kwh(draft.alarmLevel1Kwh());
        meter.setAlarmLevel2Kwh(draft.alarmLevel2Kwh());
        meter.setHousehold(household(draft, location.building()));
    }

    private Household household(MeterDraft draft, Building building) {
        if (draft.room() == null || draft.room().isBlank()) {
            return null;
        }
        String room = draft.room().trim();
        Household household = households.findByBuildingIdAndRoom(building.getId(), room)
                .orElseGet(() -> households.save(new Household(building, room, draft.householdName().trim())));
        household.setName(draft.householdName().trim());
        household.setPhones(draft.phones());
        if (household.getId() != null) {
            meters.refreshHouseholdSearch(household.getId(), household.searchText());
        }
        return household;
    }

    private record Location(Building building, Floor floor, DistributionBox box, SerialPort port) {
    }

    private Location resolveLocation(MeterDraft draft, DistrictScope district) {
        Building building = lookup.building(draft.buildingId());
        Floor floor = draft.floorId() == null ? null : lookup.floor(draft.floorId());
        DistributionBox box = draft.boxId() == null ? null : lookup.box(draft.boxId());
        if (box != null) {
            floor = box.getFloor();
        }
        if (floor != null && !floor.getBuilding().getId().equals(building.getId())) {
            throw new DomainException("error.meter.location.mismatch");
        }
        if (!district.covers(building.getId(), box == null ? null : box.getId())) {
            throw new DomainException("error.district.outside");
        }
        SerialPort port = draft.serialPortId() == null ? null : lookup.port(draft.serialPortId());
        if (port != null && port.getProtocol() != draft.protocol()) {
            throw new DomainException("error.meter.protocol.port", port.getProtocol().name());
        }
        return new Location(building, floor, box, port);
    }

    private void checkUniqueOnBus(MeterDraft draft, Long existingMeterId) {
        if (draft.serialPortId() == null) {
            return;
        }
        int channel = draft.deviceChannel() == null ? 0 : draft.deviceChannel();
        meters.findActiveOnBus(draft.serialPortId(), draft.address(), channel)
                .filter(other -> !Objects.equals(other.getId(), existingMeterId))
                .ifPresent(other -> {
                    throw new DomainException("error.meter.address.taken", draft.address());
                });
    }

    private Meter findInDistrict(long meterId, DistrictScope district) {
        Meter meter = meters.findById(meterId).orElseThrow(() -> new DomainException("error.meter.not.found"));
        Long boxId = meter.getBox() == null ? null : meter.getBox().getId();
        if (!district.covers(meter.getBuilding().getId(), boxId)) {
            // Same answer as a missing meter: an operator learns nothing about other districts.
            throw new DomainException("error.meter.not.found");
        }
        return meter;
    }

    private OperatorContext viewer() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        return operator;
    }

    private OperatorContext editor() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.EDIT_METERS);
        return operator;
    }

    private static String describe(MeterDraft draft) {
        return draft.toString();
    }
}
