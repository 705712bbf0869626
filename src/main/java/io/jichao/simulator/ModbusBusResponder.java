package io.jichao.simulator;

import io.jichao.protocol.modbus.ModbusMessage;
import io.jichao.protocol.modbus.ModbusRequest;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A Modbus RTU bus: the slave with the request's unit id answers; unit 0 (broadcast) gets no answer. */
final class ModbusBusResponder implements BusResponder {

    private final List<WaterMeter> meters;

    ModbusBusResponder(List<WaterMeter> meters) {
        this.meters = List.copyOf(meters);
    }

    @Override
    public Optional<Reply> respond(Object request) {
        if (!(request instanceof ModbusRequest modbus) || WaterMeter.isBroadcast(modbus)) {
            return Optional.empty();
        }
        return meters.stream()
                .filter(meter -> meter.unitId() == modbus.unitId() && !meter.faults().offline())
                .findFirst()
                .map(meter -> new Reply(meter.answer(modbus), meter.faults().extraDelay()));
    }

    @Override
    public int requestWireLength(Object request) {
        return ((ModbusMessage) request).encode().length;
    }

    @Override
    public byte[] encode(Object answer, RandomGenerator random) {
        return ((ModbusMessage) answer).encode();
    }

    @Override
    public void corruptChecksum(byte[] wire) {
        wire[wire.length - 1] ^= 0x5A;
    }
}
