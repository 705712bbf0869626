package io.jichao.archive;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * System-level read of the devices to talk to: every enabled collector with its ports and the
 * active meters on each. It is deliberately NOT scoped to an operator's district, because its
 * callers are the collection engine and the simulator, which serve the whole site; views must
 * never use it (they go through the district-scoped services).
 */
@Service
@Transactional(readOnly = true)
public class DeviceInventory {

    /**
     * A collector as the engine and the simulator need it; {@code simulated} marks the ones the
     * built-in simulator may play (never a real collector).
     */
    public record CollectorDevice(long id, String name, CollectorModel model, ConnectionMode mode, String host,
                                  String registrationId, boolean simulated, List<PortDevice> ports) {
        public CollectorDevice {
            ports = List.copyOf(ports);
        }

        /** A real (not simulated) collector. */
        public CollectorDevice(long id, String name, CollectorModel model, ConnectionMode mode, String host,
                               String registrationId, List<PortDevice> ports) {
            this(id, name, model, mode, host, registrationId, false, ports);
        }
    }

    /** One serial port with its character framing; {@code tcpPort} is null for a dial-in collector. */
    public record PortDevice(int portNumber, int baudRate, int dataBits, Parity parity, int stopBits,
                             MeterProtocol protocol, Integer tcpPort, List<MeterDevice> meters) {
        public PortDevice {
            meters = List.copyOf(meters);
        }

        /** A port with 8 data bits and 1 stop bit (8E1 for DL/T 645, 8N1 for most Modbus buses). */
        public PortDevice(int portNumber, int baudRate, Parity parity, MeterProtocol protocol, Integer tcpPort,
                          List<MeterDevice> meters) {
            this(portNumber, baudRate, 8, parity, 1, protocol, tcpPort, meters);
        }

        /** Bits on the wire per character: start bit, data bits, parity bit if any, stop bits. */
        public int bitsPerCharacter() {
            return 1 + dataBits + (parity == Parity.NONE ? 0 : 1) + stopBits;
        }
    }

    /** One metering point; {@code channel} is set for a household channel of a DHDSY multi-user box. */
    public record MeterDevice(long id, String address, Integer channel, MeterProtocol protocol, Phase phase,
                              BigDecimal maxPowerKw, BillingMode billingMode) {

        /**
         * The address the point answers at on the bus. A DHDSY multi-user box's household channel n
         * answers at the box address + (n − 1), counted in decimal (the address is BCD): box
         * 370103019900, channel 12 → 370103019911. The simulator follows the same rule.
         */
        public String wireAddress() {
            if (channel == null) {
                return address;
            }
            return String.format("%012d", Long.parseLong(address) + channel - 1);
        }
    }

    private final EntityManager entityManager;

    DeviceInventory(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Enabled collectors by name, ports by number, meters by address and channel. */
    public List<CollectorDevice> enabledCollectors() {
        List<Collector> collectors = entityManager.createQuery("""
                        select distinct c from Collector c left join fetch c.ports
                        where c.enabled = true order by c.name""", Collector.class)
                .getResultList();
        Map<Long, List<MeterDevice>> metersByPort = entityManager.createQuery("""
                        select m from Meter m join fetch m.serialPort
                        where m.state = io.jichao.archive.MeterState.ACTIVE""", Meter.class)
                .getResultStream()
                .sorted(Comparator.comparing(Meter::getAddress)
                        .thenComparing(m -> m.getDeviceChannel() == null ? 0 : m.getDeviceChannel()))
                .collect(Collectors.groupingBy(m -> m.getSerialPort().getId(),
                        Collectors.mapping(DeviceInventory::meter, Collectors.toList())));
        return collectors.stream()
                .map(c -> new CollectorDevice(c.getId(), c.getName(), c.getModel(), c.getConnectionMode(), c.getHost(),
                        c.getRegistrationId(), c.isSimulated(), c.getPorts().stream()
                                .map(p -> new PortDevice(p.getPortNumber(), p.getBaudRate(), p.getDataBits(), p.getParity(),
                                        p.getStopBits(), p.getProtocol(), p.getTcpPort(),
                                        metersByPort.getOrDefault(p.getId(), List.of())))
                                .toList()))
                .toList();
    }

    private static MeterDevice meter(Meter meter) {
        return new MeterDevice(meter.getId(), meter.getAddress(), meter.getDeviceChannel(), meter.getProtocol(), meter.getPhase(),
                meter.getMaxPowerKw(), meter.getBillingMode());
    }
}
