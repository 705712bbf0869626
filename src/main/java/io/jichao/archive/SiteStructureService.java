package io.jichao.archive;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.archive.SiteStructure.OfficeView;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/** Buildings, floors and distribution boxes: listed inside the district, edited by super admins. */
@Service
public class SiteStructureService {

    private final SiteRepository sites;
    private final BuildingRepository buildings;
    private final FloorRepository floors;
    private final DistributionBoxRepository boxes;
    private final PropertyOfficeRepository offices;
    private final ArchiveLookup lookup;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;

    SiteStructureService(SiteRepository sites, BuildingRepository buildings, FloorRepository floors,
                         DistributionBoxRepository boxes, PropertyOfficeRepository offices, ArchiveLookup lookup,
                         CurrentOperator currentOperator, AuditTrail audit) {
        this.sites = sites;
        this.buildings = buildings;
        this.floors = floors;
        this.boxes = boxes;
        this.offices = offices;
        this.lookup = lookup;
        this.currentOperator = currentOperator;
        this.audit = audit;
    }

    /** Buildings with at least some part inside the district. */
    @Transactional(readOnly = true)
    public List<BuildingView> buildings() {
        DistrictScope district = viewer().district();
        List<Long> partialBuildings = district.wholeSite() ? List.of()
                : boxes.findAllById(district.boxIds()).stream().map(box -> box.getBuilding().getId()).toList();
        return buildings.findAllByOrderByCode().stream()
                .filter(b -> district.coversWholeBuilding(b.getId()) || partialBuildings.contains(b.getId()))
                .map(SiteStructureService::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<FloorView> floors(long buildingId) {
        checkBuildingVisible(buildingId);
        return floors.findByBuildingIdOrderByLevel(buildingId).stream()
                .map(f -> new FloorView(f.getId(), buildingId, f.getLevel(), f.getName())).toList();
    }

    /** Boxes of a building that are inside the district. */
    @Transactional(readOnly = true)
    public List<BoxView> boxes(long buildingId) {
        DistrictScope district = viewer().district();
        checkBuildingVisible(buildingId);
        return boxes.findByBuildingIdOrderByCode(buildingId).stream()
                .filter(box -> district.covers(buildingId, box.getId()))
                .map(SiteStructureService::view).toList();
    }

    /** Every building and box of the site, for choosing districts; super admins only. */
    @Transactional(readOnly = true)
    public List<BoxView> allBoxes() {
        currentOperator.get().require(Permission.MANAGE_OPERATORS);
        return boxes.findAll().stream().map(SiteStructureService::view).toList();
    }

    @Transactional(readOnly = true)
    public List<OfficeView> offices() {
        viewer();
        return offices.findAll().stream().map(o -> new OfficeView(o.getId(), o.getName())).toList();
    }

    @Transactional
    public BuildingView createBuilding(String code, String name, Long propertyOfficeId) {
        OperatorContext operator = structureEditor();
        requireText(code, "code");
        requireText(name, "name");
        if (buildings.findByCode(code.trim()).isPresent()) {
            throw new DomainException("error.building.code.taken", code);
        }
        Site site = sites.findAll().stream().findFirst()
                .orElseGet(() -> sites.save(new Site(name.trim(), "SITE")));
        Building building = new Building(site, name.trim(), code.trim());
        building.setPropertyOffice(propertyOfficeId == null ? null : offices.findById(propertyOfficeId).orElse(null));
        buildings.save(building);
        audit.record(operator.username(), "BUILDING_CREATE", code, name);
        return view(building);
    }

    @Transactional
    public void renameBuilding(long buildingId, String name, Long propertyOfficeId) {
        OperatorContext operator = structureEditor();
        requireText(name, "name");
        Building building = lookup.building(buildingId);
        building.setName(name.trim());
        building.setPropertyOffice(propertyOfficeId == null ? null : offices.findById(propertyOfficeId).orElse(null));
        audit.record(operator.username(), "BUILDING_UPDATE", building.getCode(), name);
    }

    @Transactional
    public FloorView createFloor(long buildingId, int level, String name) {
        OperatorContext operator = structureEditor();
        requireText(name, "name");
        Building building = lookup.building(buildingId);
        if (floors.findByBuildingIdAndLevel(buildingId, level).isPresent()) {
            throw new DomainException("error.floor.level.taken", level);
        }
        Floor floor = floors.save(new Floor(building, level, name.trim()));
        audit.record(operator.username(), "FLOOR_CREATE", building.getCode() + "/" + level, name);
        return new FloorView(floor.getId(), buildingId, level, floor.getName());
    }

    @Transactional
    public BoxView createBox(long floorId, String code, String name) {
        OperatorContext operator = structureEditor();
        requireText(code, "code");
        requireText(name, "name");
        Floor floor = lookup.floor(floorId);
        if (boxes.findByBuildingIdAndCode(floor.getBuilding().getId(), code.trim()).isPresent()) {
            throw new DomainException("error.box.code.taken", code);
        }
        DistributionBox box = boxes.save(new DistributionBox(floor, code.trim(), name.trim()));
        audit.record(operator.username(), "BOX_CREATE", floor.getBuilding().getCode() + "/" + code, name);
        return view(box);
    }

    private void checkBuildingVisible(long buildingId) {
        if (buildings().stream().noneMatch(b -> b.id() == buildingId)) {
            throw new DomainException("error.building.not.found");
        }
    }

    private OperatorContext viewer() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        return operator;
    }

    private OperatorContext structureEditor() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.EDIT_SITE_STRUCTURE);
        return operator;
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new DomainException("error.required", field);
        }
    }

    static BuildingView view(Building b) {
        PropertyOffice office = b.getPropertyOffice();
        return new BuildingView(b.getId(), b.getCode(), b.getName(), office == null ? null : office.getId(),
                office == null ? null : office.getName());
    }

    static BoxView view(DistributionBox box) {
        return new BoxView(box.getId(), box.getBuilding().getId(), box.getFloor().getId(), box.getCode(), box.getName());
    }
}
