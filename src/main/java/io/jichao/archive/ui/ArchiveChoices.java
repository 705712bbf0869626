package io.jichao.archive.ui;

import java.util.List;

import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.FloorView;
import io.jichao.archive.SiteStructureService;

/** The meter form's places, from the archive services and so inside the operator's district. */
final class ArchiveChoices implements MeterPlaceFields.Choices {

    private final transient SiteStructureService structure;
    private final transient CollectorService collectors;

    ArchiveChoices(SiteStructureService structure, CollectorService collectors) {
        this.structure = structure;
        this.collectors = collectors;
    }

    @Override
    public List<BuildingView> buildings() {
        return structure.buildings();
    }

    @Override
    public List<FloorView> floors(long buildingId) {
        return structure.floors(buildingId);
    }

    @Override
    public List<BoxView> boxes(long buildingId) {
        return structure.boxes(buildingId);
    }

    @Override
    public List<CollectorView> collectors() {
        return collectors.list();
    }
}
