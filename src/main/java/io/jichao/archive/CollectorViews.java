package io.jichao.archive;

import java.util.List;

/** Detached views of collectors and their ports, and what an admin submits to change them. */
public final class CollectorViews {

    private CollectorViews() {
    }

    public record PortView(long id, int portNumber, int baudRate, int dataBits, Parity parity, int stopBits,
                           MeterProtocol protocol, Integer tcpPort, long activeMeters) {

        /** The port as a DH600 configures it, e.g. {@code 2400 8E1}. */
        public String framing() {
            return baudRate + " " + dataBits + parity.letter() + stopBits;
        }
    }

    public record CollectorView(long id, long buildingId, String buildingName, String name, CollectorModel model,
                                ConnectionMode connectionMode, String host, String registrationId, boolean enabled,
                                List<PortView> ports, boolean simulated) {
    }

    public record CollectorDraft(long buildingId, String name, CollectorModel model, ConnectionMode connectionMode,
                                 String host, String registrationId, boolean enabled) {
    }

    /** A port's settings; data bits 7 or 8, stop bits 1 or 2. */
    public record PortDraft(int baudRate, int dataBits, Parity parity, int stopBits, MeterProtocol protocol,
                            Integer tcpPort) {
    }
}
