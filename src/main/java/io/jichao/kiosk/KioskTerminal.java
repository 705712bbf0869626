package io.jichao.kiosk;

/** A registered, unrevoked kiosk as its start screen needs it. */
public record KioskTerminal(long deviceId, long buildingId, String buildingCode, String buildingName, String name) {
}
