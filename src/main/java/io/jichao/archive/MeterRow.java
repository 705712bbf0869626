package io.jichao.archive;

/** One line of the meter grid: a flat, detached view of a meter and where it is. */
public record MeterRow(long id, String address, Integer deviceChannel, MeterProtocol protocol, Phase phase,
                       BillingMode billingMode, MeterState state, String buildingCode, String buildingName,
                       Integer floorLevel, String boxCode, String room, String householdName, String collectorName,
                       Integer portNumber) {

    /** Address with the channel of a multi-user device, e.g. {@code 000000000101#3}. */
    public String displayAddress() {
        return deviceChannel == null ? address : address + "#" + deviceChannel;
    }
}
