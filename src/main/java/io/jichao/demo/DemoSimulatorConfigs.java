package io.jichao.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;

import io.jichao.archive.BillingMode;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.DeviceInventory.CollectorDevice;
import io.jichao.archive.DeviceInventory.MeterDevice;
import io.jichao.archive.DeviceInventory.PortDevice;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.Parity;
import io.jichao.archive.Phase;
import io.jichao.simulator.BusProtocol;
import io.jichao.simulator.CollectorConfig;
import io.jichao.simulator.Dh600Model;
import io.jichao.simulator.DialInConfig;
import io.jichao.simulator.LoadProfile;
import io.jichao.simulator.MeterConfig;
import io.jichao.simulator.MeterPhase;
import io.jichao.simulator.PortConfig;
import io.jichao.simulator.SerialParity;
import io.jichao.simulator.SimulatorConfig;

/**
 * Turns the archive's devices into a simulated site. SERVER collectors listen on 127.0.0.1 at
 * their ports' TCP ports; CLIENT collectors dial in with their registration IDs. Loads, energies
 * and credits are drawn from the seed per address, so every start simulates the same park.
 */
final class DemoSimulatorConfigs {

    private static final String LOCALHOST = "127.0.0.1";
    private static final LoadProfile[] HOUSEHOLD_PROFILES = {LoadProfile.OFFICE, LoadProfile.SHOP, LoadProfile.RESIDENTIAL};

    private DemoSimulatorConfigs() {
    }

    /**
     * The DHDSY channel addressing rule, shared with the engine: household channel n of a
     * multi-user box answers at the box address + (n − 1), counted in decimal (the address is BCD),
     * e.g. box 370103019900 channel 12 → 370103019911.
     */
    static String channelAddress(String boxAddress, Integer channel) {
        if (channel == null) {
            return boxAddress;
        }
        return String.format("%012d", Long.parseLong(boxAddress) + channel - 1);
    }

    static SimulatorConfig from(List<CollectorDevice> collectors, SimulatorProperties properties) {
        List<CollectorConfig> simulated = collectors.stream().map(c -> collector(c, properties)).toList();
        return new SimulatorConfig(properties.timeScale(), properties.seed(), SimulatorConfig.DEFAULT_ZONE, simulated);
    }

    private static CollectorConfig collector(CollectorDevice collector, SimulatorProperties properties) {
        List<PortConfig> ports = collector.ports().stream().map(p -> port(p, properties)).toList();
        Dh600Model model = Dh600Model.valueOf(collector.model().name());
        if (collector.mode() == ConnectionMode.CLIENT) {
            DialInConfig dialIn = DialInConfig.of(properties.dialInHost(), properties.dialInPort(),
                    collector.registrationId());
            return CollectorConfig.client(collector.name(), model, dialIn, ports);
        }
        return new CollectorConfig(collector.name(), model, io.jichao.simulator.CollectorMode.SERVER, LOCALHOST, null,
                ports);
    }

    private static PortConfig port(PortDevice port, SimulatorProperties properties) {
        BusProtocol protocol = BusProtocol.valueOf(port.protocol().name());
        List<MeterConfig> meters = port.meters().stream().map(m -> meter(m, properties.seed())).toList();
        return new PortConfig(port.portNumber(), port.tcpPort() == null ? 0 : port.tcpPort(), port.baudRate(),
                parity(port.parity()), protocol, properties.responseDelay(), meters);
    }

    private static MeterConfig meter(MeterDevice meter, long seed) {
        String address = channelAddress(meter.address(), meter.channel());
        SplittableRandom random = new SplittableRandom(seed * 31 + address.hashCode());
        MeterConfig base = MeterConfig.of(address)
                .withPhase(meter.phase() == Phase.SINGLE ? MeterPhase.SINGLE : MeterPhase.THREE);
        if (meter.protocol() == MeterProtocol.MODBUS_RTU) {
            // Water meters: the load fields are flow in m³/h, the initial energy is volume in m³.
            return base.withLoad(LoadProfile.OFFICE, "0.02", "0.8", 0.1)
                    .withInitialEnergyKwh(amount(random, 100, 2000));
        }
        double baseKw = random.nextDouble(0.2, 1.5);
        double peakKw = baseKw + random.nextDouble(2, 10);
        MeterConfig electric = base
                .withLoad(HOUSEHOLD_PROFILES[random.nextInt(HOUSEHOLD_PROFILES.length)],
                        String.format("%.3f", baseKw), String.format("%.3f", peakKw), 0.08)
                .withInitialEnergyKwh(amount(random, 500, 20000))
                .withOverload(meter.maxPowerKw() == null ? BigDecimal.ZERO : meter.maxPowerKw(), BigDecimal.ZERO);
        // DL/T 645-1997 has no standard prepaid items, so 1997 points run without credit.
        boolean prepaid = meter.billingMode() == BillingMode.PREPAID && meter.protocol() == MeterProtocol.DLT645_2007;
        return prepaid ? electric.withRemainingKwh(amount(random, 20, 400)) : electric;
    }

    private static BigDecimal amount(SplittableRandom random, int from, int to) {
        return BigDecimal.valueOf(random.nextLong(from * 100L, to * 100L), 2);
    }

    private static SerialParity parity(Parity parity) {
        return switch (parity) {
            case EVEN -> SerialParity.EVEN;
            case ODD -> SerialParity.ODD;
            case NONE -> SerialParity.NONE;
        };
    }
}
