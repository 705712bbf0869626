package io.jichao.protocol.bench;

import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645FrameParser;
import io.jichao.protocol.dlt645.Dlt645ParseResult;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeterAddress;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the DL/T 645 hot path on one thread: the 2007 read answer of vector V2 (forward
 * active energy 56789.01 kWh, with a four-byte FE preamble) decoded and encoded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class Dlt645CodecBenchmark {

    private final byte[] readAnswerWire = HexFormat.ofDelimiter(" ").parseHex(
            "FE FE FE FE 68 12 90 78 56 34 12 68 91 08 33 33 34 33 34 BC 9A 38 AE 16");
    private final Dlt645Frame readAnswer = ((Dlt645ParseResult.Decoded) Dlt645FrameParser.parse(readAnswerWire)).frame();
    private final MeterAddress meter = MeterAddress.of("123456789012");

    /** Bytes to a checked frame: preamble skip, header, checksum, -0x33. */
    @Benchmark
    public Dlt645ParseResult parseFrame() {
        return Dlt645FrameParser.parse(readAnswerWire);
    }

    /** Bytes to the typed value: frame, classified answer, BCD to an exact BigDecimal. */
    @Benchmark
    public DataValue decodeReadAnswer() {
        Dlt645ParseResult.Decoded decoded = (Dlt645ParseResult.Decoded) Dlt645FrameParser.parse(readAnswerWire);
        Dlt645Response.ReadAnswer answer = (Dlt645Response.ReadAnswer) Dlt645Response.of(decoded.frame());
        return answer.decode(DataItem2007.FORWARD_ACTIVE_TOTAL);
    }

    /** A read-answer frame to wire bytes with preamble. */
    @Benchmark
    public byte[] encodeReadAnswer() {
        return readAnswer.encode(true);
    }

    /** Building and encoding the read request the engine sends. */
    @Benchmark
    public byte[] encodeReadRequest() {
        return Dlt645Commands.read(meter, DataItem2007.FORWARD_ACTIVE_TOTAL).encode(true);
    }
}
