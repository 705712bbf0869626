package io.jichao.faultmap;

import java.time.Instant;
import java.util.List;

/**
 * One floor's map for the acting operator: the plan (if one was uploaded), the meters and collectors
 * of the floor inside the district, placed or not, and what the operator may change.
 */
public record FloorMap(long floorId, long buildingId, Plan plan, List<MapSubject> subjects,
                       boolean mayUploadPlan, boolean mayPlaceMeters, boolean mayPlaceCollectors) {

    public FloorMap {
        subjects = List.copyOf(subjects);
    }

    /** The stored plan's format and natural size in pixels; its bytes come from {@code FaultMapService.planContent}. */
    public record Plan(PlanFormat format, int width, int height, String fileName, Instant uploadedAt) {
    }

    public boolean hasPlan() {
        return plan != null;
    }

    public List<MapSubject> placed() {
        return subjects.stream().filter(MapSubject::placed).toList();
    }

    public List<MapSubject> unplaced() {
        return subjects.stream().filter(subject -> !subject.placed()).toList();
    }
}
