package io.jichao.simulator;

/** The protocol every meter on one simulated RS-485 bus speaks. */
public enum BusProtocol {
    DLT645_1997, DLT645_2007, MODBUS_RTU;

    public boolean isDlt645() {
        return this != MODBUS_RTU;
    }
}
