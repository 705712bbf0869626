package io.jichao.archive;

/**
 * What the meter grid is filtered by; null fields do not filter. {@code text} matches address,
 * room, household name or phone anywhere in the value.
 */
public record MeterFilter(Long buildingId, Long floorId, MeterProtocol protocol, BillingMode billingMode,
                          MeterState state, String text) {

    public static MeterFilter none() {
        return new MeterFilter(null, null, null, null, null, null);
    }

    public MeterFilter withText(String newText) {
        return new MeterFilter(buildingId, floorId, protocol, billingMode, state, newText);
    }

    public MeterFilter withBuilding(Long newBuildingId) {
        return new MeterFilter(newBuildingId, null, protocol, billingMode, state, text);
    }

    public MeterFilter withFloor(Long newFloorId) {
        return new MeterFilter(buildingId, newFloorId, protocol, billingMode, state, text);
    }

    public MeterFilter withProtocol(MeterProtocol newProtocol) {
        return new MeterFilter(buildingId, floorId, newProtocol, billingMode, state, text);
    }

    public MeterFilter withBillingMode(BillingMode newBillingMode) {
        return new MeterFilter(buildingId, floorId, protocol, newBillingMode, state, text);
    }

    public MeterFilter withState(MeterState newState) {
        return new MeterFilter(buildingId, floorId, protocol, billingMode, newState, text);
    }
}
