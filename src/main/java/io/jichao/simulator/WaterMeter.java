package io.jichao.simulator;

import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.protocol.modbus.ModbusExceptionCode;
import io.jichao.protocol.modbus.ModbusMessage;
import io.jichao.protocol.modbus.ModbusRequest;
import io.jichao.protocol.modbus.ModbusResponse;
import io.jichao.protocol.modbus.WordOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated Modbus RTU water meter. Its register map, the same through function 03 (holding)
 * and 04 (input registers), 32-bit values high word first:
 * <pre>
 * 0x0000-0x0001  total volume, float32, m³
 * 0x0002-0x0003  total volume, uint32, litres
 * 0x0004-0x0005  flow, float32, m³/h
 * </pre>
 * Reads outside it get exception 02 (illegal data address); writes get 01 (illegal function).
 * Flow follows the load profile, reading baseLoadKw/peakLoadKw as m³/h.
 */
public final class WaterMeter implements BusDevice {

    public static final int REGISTER_COUNT = 6;
    private static final double NANOS_PER_HOUR = 3_600_000_000_000.0;

    private final MeterAddress address;
    private final int unitId;
    private final SimulationClock clock;
    private final ZoneId zone;
    private final LoadModel load;
    private final DeviceFaults faults = new DeviceFaults();
    private Instant advancedTo;
    private double flowM3PerHour;
    private double volumeLitres;

    WaterMeter(MeterConfig config, SimulationClock clock, ZoneId zone, long seed) {
        this.address = MeterAddress.of(config.address());
        this.unitId = Integer.parseInt(config.address());
        this.clock = clock;
        this.zone = zone;
        this.load = new LoadModel(config.loadProfile(), config.baseLoadKw().doubleValue(),
                config.peakLoadKw().doubleValue(), config.loadNoise(), seed);
        this.volumeLitres = config.initialEnergyKwh().doubleValue() * 1000;
        this.advancedTo = clock.now();
        this.flowM3PerHour = sample(advancedTo);
    }

    @Override
    public MeterAddress address() {
        return address;
    }

    @Override
    public DeviceFaults faults() {
        return faults;
    }

    public int unitId() {
        return unitId;
    }

    /** Total volume in m³, three decimals. */
    public synchronized BigDecimal volumeM3() {
        catchUp();
        return BigDecimal.valueOf(Math.floor(volumeLitres)).movePointLeft(3);
    }

    synchronized ModbusResponse answer(ModbusRequest request) {
        catchUp();
        return switch (request) {
            case ModbusRequest.ReadHoldingRegisters read -> registers(read.functionCode(), read.startAddress(),
                    read.quantity());
            case ModbusRequest.ReadInputRegisters read -> registers(read.functionCode(), read.startAddress(),
                    read.quantity());
            default -> new ModbusResponse.ExceptionResponse(unitId, request.functionCode(),
                    ModbusExceptionCode.ILLEGAL_FUNCTION);
        };
    }

    private ModbusResponse registers(int function, int start, int quantity) {
        if (start + quantity > REGISTER_COUNT) {
            return new ModbusResponse.ExceptionResponse(unitId, function, ModbusExceptionCode.ILLEGAL_DATA_ADDRESS);
        }
        List<Integer> map = new ArrayList<>(REGISTER_COUNT);
        add(map, WordOrder.HIGH_WORD_FIRST.registers((float) (volumeLitres / 1000)));
        add(map, WordOrder.HIGH_WORD_FIRST.registers((int) (long) Math.floor(volumeLitres)));
        add(map, WordOrder.HIGH_WORD_FIRST.registers((float) flowM3PerHour));
        return new ModbusResponse.ReadRegistersResponse(unitId, function, map.subList(start, start + quantity));
    }

    private static void add(List<Integer> map, int[] words) {
        for (int word : words) {
            map.add(word & 0xFFFF);
        }
    }

    /** Integrates flow minute by minute up to the clock. */
    private void catchUp() {
        Instant target = clock.now();
        while (advancedTo.isBefore(target)) {
            Instant minuteEnd = Instant.ofEpochSecond((Math.floorDiv(advancedTo.getEpochSecond(), 60) + 1) * 60);
            Instant next = minuteEnd.isBefore(target) ? minuteEnd : target;
            volumeLitres += flowM3PerHour * 1000 * Duration.between(advancedTo, next).toNanos() / NANOS_PER_HOUR;
            advancedTo = next;
            if (next.equals(minuteEnd)) {
                flowM3PerHour = sample(next);
            }
        }
    }

    private double sample(Instant time) {
        return load.demandKw(time, LocalDateTime.ofInstant(time, zone).toLocalTime());
    }

    static boolean isBroadcast(ModbusMessage request) {
        return request.unitId() == 0;
    }
}
