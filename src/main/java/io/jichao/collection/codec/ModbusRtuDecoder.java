package io.jichao.collection.codec;

import io.jichao.protocol.modbus.ModbusParseResult;
import io.jichao.protocol.modbus.ModbusRtuParser;
import java.util.List;

/**
 * Turns a Modbus RTU byte stream into {@link io.jichao.protocol.modbus.ModbusMessage}s. Frame ends
 * come from the function code and byte count, never from silence (TCP re-chunks the serial
 * stream). A master decodes responses, a slave or simulator decodes requests.
 *
 * <pre>
 * in : 01 03 04 43 5C 19 9A A4 5E          (unit 1, fn 03, 4 bytes, CRC A45E)
 * out: ReadRegistersResponse[unitId=1, functionCode=3, registers=[17244, 6554]]
 * in : 01 83 02 C0 F1
 * out: ExceptionResponse[unitId=1, requestFunction=3, code=2]
 * </pre>
 *
 * RTU has no start marker, so after a CRC error the decoder slides one byte and tries again; the
 * skipped bytes are counted in {@link #statistics()}. One instance per channel.
 */
public final class ModbusRtuDecoder extends BoundedStreamDecoder {

    private final ModbusRtuParser parser;

    public ModbusRtuDecoder(ModbusRtuParser parser) {
        this(parser, DEFAULT_MAX_BUFFERED_BYTES, new FrameDecodeStatistics());
    }

    public ModbusRtuDecoder(ModbusRtuParser parser, int maxBufferedBytes, FrameDecodeStatistics statistics) {
        super(maxBufferedBytes, statistics);
        if (parser == null) {
            throw new IllegalArgumentException("parser is required");
        }
        this.parser = parser;
    }

    /** For a master: decodes what slaves answer. */
    public static ModbusRtuDecoder forMaster() {
        return new ModbusRtuDecoder(ModbusRtuParser.forResponses());
    }

    /** For a slave or simulator: decodes what the master asks. */
    public static ModbusRtuDecoder forSlave() {
        return new ModbusRtuDecoder(ModbusRtuParser.forRequests());
    }

    @Override
    int consume(byte[] bytes, int offset, int length, List<Object> out) {
        return switch (parser.parse(bytes, offset, length)) {
            case ModbusParseResult.Decoded decoded -> {
                out.add(decoded.message());
                statistics().frameDecoded();
                yield decoded.consumed();
            }
            case ModbusParseResult.NeedMoreBytes needMore -> 0;
            case ModbusParseResult.Corrupt corrupt -> {
                statistics().corruption(corrupt.skip());
                yield corrupt.skip();
            }
        };
    }
}
