package io.jichao.security;

import java.util.Set;

/**
 * The part of the site an operator sees and acts in (辖区): whole buildings and single
 * distribution boxes, or the whole site. Every scoped query takes one of these.
 */
public record DistrictScope(boolean wholeSite, Set<Long> buildingIds, Set<Long> boxIds) {

    public DistrictScope {
        buildingIds = Set.copyOf(buildingIds);
        boxIds = Set.copyOf(boxIds);
    }

    public static DistrictScope everything() {
        return new DistrictScope(true, Set.of(), Set.of());
    }

    public static DistrictScope of(Set<Long> buildingIds, Set<Long> boxIds) {
        return new DistrictScope(false, buildingIds, boxIds);
    }

    /** Whether a meter or household in this building (and box, if any) is inside the district. */
    public boolean covers(Long buildingId, Long boxId) {
        return wholeSite || buildingIds.contains(buildingId) || (boxId != null && boxIds.contains(boxId));
    }

    /** Whether the whole building is inside (needed to manage its collectors or structure). */
    public boolean coversWholeBuilding(Long buildingId) {
        return wholeSite || buildingIds.contains(buildingId);
    }

    public boolean isEmpty() {
        return !wholeSite && buildingIds.isEmpty() && boxIds.isEmpty();
    }
}
