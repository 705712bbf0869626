package io.jichao.simulator;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One RS-485 port of a collector and the bus behind it.
 *
 * @param number        1..the model's port count
 * @param tcpPort       SERVER mode: the TCP port to listen on; 0 = any free port (read it after start)
 * @param baud          bus speed; transfer time is bytes × bits per byte / baud in both directions
 * @param responseDelay the meters' answer delay Td after the last request byte (real meters: 20-500 ms)
 */
public record PortConfig(int number, int tcpPort, int baud, SerialParity parity, BusProtocol protocol,
                         Duration responseDelay, List<MeterConfig> meters) {

    public static final Duration DEFAULT_RESPONSE_DELAY = Duration.ofMillis(50);

    public PortConfig {
        if (number < 1 || number > 8) {
            throw new IllegalArgumentException("port number must be 1..8: " + number);
        }
        if (tcpPort < 0 || tcpPort > 65535) {
            throw new IllegalArgumentException("port " + number + ": tcpPort must be 0..65535");
        }
        if (baud < 300 || baud > 115200) {
            throw new IllegalArgumentException("port " + number + ": baud must be 300..115200: " + baud);
        }
        if (parity == null || protocol == null || responseDelay == null || responseDelay.isNegative()) {
            throw new IllegalArgumentException("port " + number + ": parity, protocol and responseDelay are required");
        }
        meters = List.copyOf(meters);
        Set<String> addresses = new HashSet<>();
        for (MeterConfig meter : meters) {
            if (!addresses.add(meter.address())) {
                throw new IllegalArgumentException("port " + number + ": address " + meter.address() + " twice on one bus");
            }
            if (protocol == BusProtocol.MODBUS_RTU) {
                long unit = Long.parseLong(meter.address());
                if (unit < 1 || unit > 247) {
                    throw new IllegalArgumentException("port " + number + ": Modbus unit id must be 1..247: "
                            + meter.address());
                }
            }
        }
    }

    /** A port on the protocol's usual rate (1200 bps for 1997, 2400 for 2007, 9600 8N1 for Modbus). */
    public static PortConfig of(int number, BusProtocol protocol, List<MeterConfig> meters) {
        int baud = switch (protocol) {
            case DLT645_1997 -> 1200;
            case DLT645_2007 -> 2400;
            case MODBUS_RTU -> 9600;
        };
        SerialParity parity = protocol.isDlt645() ? SerialParity.EVEN : SerialParity.NONE;
        return new PortConfig(number, 0, baud, parity, protocol, DEFAULT_RESPONSE_DELAY, meters);
    }

    public PortConfig withTcpPort(int newTcpPort) {
        return new PortConfig(number, newTcpPort, baud, parity, protocol, responseDelay, meters);
    }

    public PortConfig withBaud(int newBaud) {
        return new PortConfig(number, tcpPort, newBaud, parity, protocol, responseDelay, meters);
    }

    public PortConfig withResponseDelay(Duration delay) {
        return new PortConfig(number, tcpPort, baud, parity, protocol, delay, meters);
    }
}
