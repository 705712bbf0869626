package io.jichao.admin.ui;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.jichao.archive.SiteStructure.BoxView;
import io.jichao.archive.SiteStructure.BuildingView;
import io.jichao.archive.SiteStructure.OfficeView;
import io.jichao.archive.SiteStructureService;

/**
 * Every building, distribution box and property office of the site: what an operator's
 * district and office are chosen from, and how a district is summed up in a line.
 */
record SiteChoices(List<BuildingView> buildings, List<BoxView> boxes, List<OfficeView> offices) {

    static SiteChoices load(SiteStructureService structure) {
        return new SiteChoices(structure.buildings(), structure.allBoxes(), structure.offices());
    }

    List<BuildingView> buildingsWithIds(Set<Long> ids) {
        return buildings.stream().filter(b -> ids.contains(b.id())).toList();
    }

    List<BoxView> boxesWithIds(Set<Long> ids) {
        return boxes.stream().filter(box -> ids.contains(box.id())).toList();
    }

    OfficeView office(Long id) {
        return offices.stream().filter(o -> Objects.equals(o.id(), id)).findFirst().orElse(null);
    }

    String buildingCode(long buildingId) {
        return buildingsById().getOrDefault(buildingId, "#" + buildingId);
    }

    /** Box codes are unique only inside a building, so a box is named with its building's code. */
    String boxLabel(BoxView box) {
        return buildingCode(box.buildingId()) + " / " + box.label();
    }

    /** Building codes in site order. */
    String buildingCodes(Set<Long> ids) {
        return buildingsWithIds(ids).stream().map(BuildingView::code).collect(Collectors.joining(", "));
    }

    /** Boxes as building/box codes, sorted. */
    String boxCodes(Set<Long> ids) {
        return boxesWithIds(ids).stream()
                .map(box -> buildingCode(box.buildingId()) + "/" + box.code())
                .sorted()
                .collect(Collectors.joining(", "));
    }

    private Map<Long, String> buildingsById() {
        return buildings.stream().collect(Collectors.toMap(BuildingView::id, BuildingView::code, (a, b) -> a));
    }
}
