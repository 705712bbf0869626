package io.jichao.archive;

/** A meter billed in a way it cannot support, e.g. PREPAID with a protocol that cannot hold credit. */
public record BillingConflict(long meterId, String address, MeterProtocol protocol, BillingMode billingMode,
                              String buildingCode, String room, String householdName) {

    /** One line for the start-up log. */
    String describe() {
        return address + " (" + protocol + ", " + billingMode + ", building " + buildingCode
                + (room == null ? "" : ", room " + room) + ")";
    }
}
