package io.jichao.simulator;

import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645Version;
import io.jichao.protocol.dlt645.MeterProfile;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A DL/T 645 bus: the one meter a request is addressed to answers; a broadcast ({@code 99..99})
 * is heard by every meter and answered by none; a wildcard address ({@code AA} pairs) is answered
 * only when exactly one online meter matches, because several would talk at once and garble
 * each other. Answers carry 0..4 {@code FE} bytes in front, chosen at random, as real meters vary.
 */
final class Dlt645BusResponder implements BusResponder {

    private static final int MAX_PREAMBLE = 4;
    private static final int WRITE_2007 = 0x14;

    private final List<Dlt645MeterResponder> meters;

    Dlt645BusResponder(List<ElectricMeter> meters, Dlt645Version version) {
        MeterProfile profile = MeterProfile.dhdsyDefault();
        this.meters = meters.stream().map(meter -> new Dlt645MeterResponder(meter, version, profile)).toList();
    }

    @Override
    public Optional<Reply> respond(Object request) {
        if (!(request instanceof Dlt645Frame frame) || frame.control().fromMeter()) {
            return Optional.empty();
        }
        List<Dlt645MeterResponder> online = meters.stream()
                .filter(meter -> !meter.meter().faults().offline()).toList();
        if (frame.address().isBroadcast()) {
            online.forEach(meter -> meter.hearBroadcast(frame));
            return Optional.empty();
        }
        List<Dlt645MeterResponder> addressed = online.stream()
                .filter(meter -> frame.address().accepts(meter.address())).toList();
        if (addressed.size() != 1) {
            return Optional.empty();
        }
        Dlt645MeterResponder meter = addressed.getFirst();
        Optional<Reply> reply = meter.answer(frame).map(answer -> new Reply(answer, meter.meter().faults().extraDelay()));
        if (frame.control().functionCode() == WRITE_2007) {
            Runnable lost = meter.meter().faults().takeLostWriteAnswer();
            if (lost != null) {
                // The write is applied above; only its answer goes missing.
                lost.run();
                return Optional.empty();
            }
        }
        return reply;
    }

    @Override
    public int requestWireLength(Object request) {
        // The decoder has dropped the wake-up bytes; masters usually send four.
        return ((Dlt645Frame) request).encodedLength(true);
    }

    @Override
    public byte[] encode(Object answer, RandomGenerator random) {
        byte[] frame = ((Dlt645Frame) answer).encode(false);
        int preamble = random.nextInt(MAX_PREAMBLE + 1);
        byte[] wire = new byte[preamble + frame.length];
        for (int i = 0; i < preamble; i++) {
            wire[i] = (byte) Dlt645Frame.PREAMBLE;
        }
        System.arraycopy(frame, 0, wire, preamble, frame.length);
        return wire;
    }

    @Override
    public void corruptChecksum(byte[] wire) {
        wire[wire.length - 2] ^= 0x5A;
    }
}
