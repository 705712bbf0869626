package io.jichao.archive;

import java.util.List;

/** Detached views of collectors and their ports, and what an admin submits to change them. */
public final class CollectorViews {

    private CollectorViews() {
    }

    public record PortView(long id, int portNumber, int baudRate, Parity parity, MeterProtocol protocol,
                           Integer tcpPort, long activeMeters) {
    }

    public record CollectorView(long id, long buildingId, String buildingName, String name, CollectorModel model,
                                ConnectionMode connectionMode, String host, String registrationId, boolean enabled,
                                List<PortView> ports, boolean simulated) {
    }

    public record CollectorDraft(long buildingId, String name, CollectorModel model, ConnectionMode connectionMode,
                                 String host, String registrationId, boolean enabled) {
    }

    public record PortDraft(int baudRate, Parity parity, MeterProtocol protocol, Integer tcpPort) {
    }
}
