package io.jichao.faultmap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Meter;
import io.jichao.archive.MeterState;
import io.jichao.archive.SiteStructureService;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import jakarta.persistence.EntityManager;

/**
 * The fault map (R6), inside the acting operator's district: everyone who sees the archive sees the
 * floors of their buildings with the meters of their district; collectors only with the whole
 * building. Uploading a plan and placing collectors take MANAGE_COLLECTORS and the whole building;
 * placing meters takes EDIT_METERS and the meter. Every change is audited.
 */
@Service
public class FaultMapService {

    private final FaultMapStore store;
    private final FaultMapEvents events;
    private final SiteStructureService structure;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    FaultMapService(FaultMapStore store, FaultMapEvents events, SiteStructureService structure,
                    EntityManager entityManager, CurrentOperator currentOperator, AuditTrail audit, Clock clock) {
        this.store = store;
        this.events = events;
        this.structure = structure;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public FloorMap floor(long floorId) {
        OperatorContext operator = viewer();
        long buildingId = visibleBuilding(floorId);
        DistrictScope district = operator.district();
        List<MapSubject> subjects = new ArrayList<>();
        store.meters(floorId).stream()
                .filter(row -> district.covers(row.buildingId(), row.boxId()))
                .forEach(row -> subjects.add(row.subject()));
        boolean wholeBuilding = district.coversWholeBuilding(buildingId);
        if (wholeBuilding) {
            subjects.addAll(store.collectors(buildingId, floorId));
        }
        return new FloorMap(floorId, buildingId, store.plan(floorId).orElse(null), subjects,
                wholeBuilding && operator.has(Permission.MANAGE_COLLECTORS), operator.has(Permission.EDIT_METERS),
                wholeBuilding && operator.has(Permission.MANAGE_COLLECTORS));
    }

    /** The stored plan's bytes, as checked (and for SVG, sanitised) at upload. */
    @Transactional(readOnly = true)
    public byte[] planContent(long floorId) {
        viewer();
        visibleBuilding(floorId);
        return store.planContent(floorId).orElseThrow(() -> new DomainException("faultmap.error.no.plan"));
    }

    /** Stores a floor's plan, replacing the old one; the places of points stay (they are fractions). */
    @Transactional
    public FloorMap.Plan uploadPlan(long floorId, byte[] content, String fileName) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_COLLECTORS);
        long buildingId = store.buildingOfFloor(floorId).orElseThrow(() -> new DomainException("error.floor.not.found"));
        if (!operator.district().coversWholeBuilding(buildingId)) {
            throw new DomainException("error.district.outside");
        }
        PlanImage image = FloorPlanFiles.check(content);
        String name = fileName == null || fileName.isBlank() ? null : limit(fileName.trim(), 255);
        store.savePlan(floorId, image, name, clock.instant(), operator.username());
        audit.record(operator.username(), "FLOOR_PLAN_UPLOAD", "floor " + floorId,
                image.format() + " " + image.width() + "x" + image.height() + " " + name);
        return store.plan(floorId).orElseThrow();
    }

    @Transactional
    public void placeMeter(long meterId, long floorId, PlanPosition position) {
        OperatorContext operator = meterEditor();
        Meter meter = meterOfFloor(meterId, floorId, operator.district());
        requirePlan(floorId);
        meter.placeOnPlan(position.x(), position.y());
        audit.record(operator.username(), "METER_PLACE", meter.getAddress(),
                "floor " + floorId + " at " + position.x() + "," + position.y());
    }

    @Transactional
    public void unplaceMeter(long meterId, long floorId) {
        OperatorContext operator = meterEditor();
        Meter meter = meterOfFloor(meterId, floorId, operator.district());
        meter.placeOnPlan(null, null);
        audit.record(operator.username(), "METER_UNPLACE", meter.getAddress(), "floor " + floorId);
    }

    /** Puts the collector on this floor's plan (a collector has one place: placing it again moves it). */
    @Transactional
    public void placeCollector(long collectorId, long floorId, PlanPosition position) {
        OperatorContext operator = collectorManager(collectorId);
        long buildingId = store.buildingOfCollector(collectorId).orElseThrow();
        if (store.buildingOfFloor(floorId).filter(b -> b == buildingId).isEmpty()) {
            throw new DomainException("faultmap.error.other.building");
        }
        requirePlan(floorId);
        store.placeCollector(collectorId, floorId, position);
        audit.record(operator.username(), "COLLECTOR_PLACE", "collector " + collectorId,
                "floor " + floorId + " at " + position.x() + "," + position.y());
    }

    @Transactional
    public void unplaceCollector(long collectorId) {
        OperatorContext operator = collectorManager(collectorId);
        store.unplaceCollector(collectorId);
        audit.record(operator.username(), "COLLECTOR_UNPLACE", "collector " + collectorId, null);
    }

    /**
     * Delivers the floor's later colour changes to {@code listener} (on the publishing thread). The
     * listener must only recolour points it already shows, which the district decided when the floor
     * was loaded: the changes carry ids and colours only.
     */
    public FaultMapEvents.Subscription subscribe(long floorId, Consumer<PointChange> listener) {
        viewer();
        visibleBuilding(floorId);
        return events.subscribe(floorId, listener);
    }

    private Meter meterOfFloor(long meterId, long floorId, DistrictScope district) {
        Meter meter = entityManager.find(Meter.class, meterId);
        if (meter == null || meter.getState() != MeterState.ACTIVE
                || !district.covers(meter.getBuilding().getId(), meter.getBox() == null ? null : meter.getBox().getId())) {
            throw new DomainException("error.meter.not.found");
        }
        if (meter.getFloor() == null || meter.getFloor().getId() != floorId) {
            throw new DomainException("faultmap.error.meter.other.floor", meter.getAddress());
        }
        return meter;
    }

    private void requirePlan(long floorId) {
        if (store.plan(floorId).isEmpty()) {
            throw new DomainException("faultmap.error.no.plan");
        }
    }

    /** The floor's building, if the operator sees any part of it; else "not found", as for a missing floor. */
    private long visibleBuilding(long floorId) {
        long buildingId = store.buildingOfFloor(floorId).orElseThrow(() -> new DomainException("error.floor.not.found"));
        if (structure.buildings().stream().noneMatch(b -> b.id() == buildingId)) {
            throw new DomainException("error.floor.not.found");
        }
        return buildingId;
    }

    private OperatorContext viewer() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        return operator;
    }

    private OperatorContext meterEditor() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.EDIT_METERS);
        return operator;
    }

    private OperatorContext collectorManager(long collectorId) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_COLLECTORS);
        long buildingId = store.buildingOfCollector(collectorId)
                .orElseThrow(() -> new DomainException("error.collector.not.found"));
        if (!operator.district().coversWholeBuilding(buildingId)) {
            throw new DomainException("error.collector.not.found");
        }
        return operator;
    }

    private static String limit(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
