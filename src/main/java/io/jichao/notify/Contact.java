package io.jichao.notify;

/** A manager's number in a building's escalation list; position 0 is notified first. */
public record Contact(long buildingId, int position, String name, String phone, String language) {
}
