package io.jichao.collection;

import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;

/**
 * Everything about a port that its connection depends on: when any of it changes, the port is
 * reconnected with the new settings. Its meters are not part of it (a moved meter only changes
 * routes), nor is the collector's name.
 */
record PortSpec(ConnectionMode mode, String host, String registrationId, boolean simulated, int baudRate,
                int dataBits, Parity parity, int stopBits, MeterProtocol protocol, Integer tcpPort) {

    static PortSpec of(CollectorDevice collector, PortDevice port) {
        return new PortSpec(collector.mode(), collector.host(), collector.registrationId(), collector.simulated(),
                port.baudRate(), port.dataBits(), port.parity(), port.stopBits(), port.protocol(), port.tcpPort());
    }

    /** A SERVER-mode port the engine connects to; the others wait for their unit to dial in. */
    boolean outgoing() {
        return mode == ConnectionMode.SERVER && host != null && tcpPort != null;
    }

    boolean dialIn() {
        return mode == ConnectionMode.CLIENT && registrationId != null;
    }
}
