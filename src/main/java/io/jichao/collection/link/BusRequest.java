package io.jichao.collection.link;

import java.time.Duration;
import java.util.Optional;

import io.jichao.protocol.dlt645.Dlt645Error;
import io.jichao.protocol.dlt645.Dlt645FormatException;
import io.jichao.protocol.dlt645.Dlt645Frame;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.modbus.ModbusRequest;
import io.jichao.protocol.modbus.ModbusResponse;

/**
 * One request to put on a bus, with the rule that recognises its answer. An answer is accepted
 * only when the protocol core says it {@code matches} the request (address, function and, for
 * reads, identifier), so a late answer to an earlier request can never complete this one.
 */
public sealed interface BusRequest {

    /** The message handed to the pipeline's encoder. */
    Object message();

    /** Bytes on the serial line, for the transfer time at the port's baud rate. */
    int wireLength();

    /** The outcome when {@code received} answers this request, empty when it does not. */
    Optional<ExchangeOutcome> classify(Object received, int attempts);

    static BusRequest of(Dlt645Frame frame) {
        return new Dlt645(frame);
    }

    /** A DL/T 645 broadcast (to 99..99): sent once, then the bus stays quiet for {@code settle}. */
    static BusRequest broadcast(Dlt645Frame frame, Duration settle) {
        return new Broadcast(frame, settle);
    }

    /** A DL/T 645 request tried once with its own answer timeout (bus scans, see {@link Probe}). */
    static BusRequest probe(Dlt645Frame frame, Duration timeout) {
        return new Probe(frame, timeout);
    }

    /** A DL/T 645 request sent at most once (a recharge write, see {@link Once}). */
    static BusRequest once(Dlt645Frame frame) {
        return new Once(frame);
    }

    static BusRequest of(ModbusRequest request) {
        return new Modbus(request);
    }

    record Dlt645(Dlt645Frame frame) implements BusRequest {

        @Override
        public Object message() {
            return frame;
        }

        @Override
        public int wireLength() {
            return frame.encodedLength(true);
        }

        @Override
        public Optional<ExchangeOutcome> classify(Object received, int attempts) {
            if (!(received instanceof Dlt645Frame answerFrame) || !answerFrame.control().fromMeter()) {
                return Optional.empty();
            }
            Dlt645Response response;
            try {
                response = Dlt645Response.of(answerFrame);
            } catch (Dlt645FormatException malformed) {
                return Optional.empty();
            }
            if (!response.matches(frame)) {
                return Optional.empty();
            }
            if (response instanceof Dlt645Response.ErrorAnswer error) {
                Dlt645Error code = error.error();
                return Optional.of(new ExchangeOutcome.Refused(code));
            }
            return Optional.of(new ExchangeOutcome.Answered(response, attempts));
        }
    }

    /**
     * A request no meter answers (broadcast time, C = 08). The bus keeps it in flight for the
     * transfer time plus {@code settle} so the meters can act before the next request, then
     * completes it as {@link ExchangeOutcome.Sent}; it is never retried and never times out.
     */
    record Broadcast(Dlt645Frame frame, Duration settle) implements BusRequest {

        @Override
        public Object message() {
            return frame;
        }

        @Override
        public int wireLength() {
            return frame.encodedLength(true);
        }

        @Override
        public Optional<ExchangeOutcome> classify(Object received, int attempts) {
            return Optional.empty();
        }
    }

    /**
     * A request that asks whether anything is there (an address in a commissioning scan): one
     * attempt with {@code timeout} instead of the port's, and a missing answer is the expected
     * result, so the bus does not count it as a timeout in its quality counters.
     */
    record Probe(Dlt645Frame frame, Duration timeout) implements BusRequest {

        @Override
        public Object message() {
            return frame;
        }

        @Override
        public int wireLength() {
            return frame.encodedLength(true);
        }

        @Override
        public Optional<ExchangeOutcome> classify(Object received, int attempts) {
            return new Dlt645(frame).classify(received, attempts);
        }
    }

    /**
     * A DL/T 645 request that must never be repeated by the bus: a recharge write whose answer is
     * lost may still have been applied, and only a read-back can tell. One attempt with the port's
     * timeout; a missing answer counts as a timeout like any other.
     */
    record Once(Dlt645Frame frame) implements BusRequest {

        @Override
        public Object message() {
            return frame;
        }

        @Override
        public int wireLength() {
            return frame.encodedLength(true);
        }

        @Override
        public Optional<ExchangeOutcome> classify(Object received, int attempts) {
            return new Dlt645(frame).classify(received, attempts);
        }
    }

    record Modbus(ModbusRequest request) implements BusRequest {

        @Override
        public Object message() {
            return request;
        }

        @Override
        public int wireLength() {
            return request.encode().length;
        }

        @Override
        public Optional<ExchangeOutcome> classify(Object received, int attempts) {
            if (!(received instanceof ModbusResponse response) || !response.matches(request)) {
                return Optional.empty();
            }
            if (response instanceof ModbusResponse.ExceptionResponse exception) {
                return Optional.of(new ExchangeOutcome.ModbusException(exception.code()));
            }
            return Optional.of(new ExchangeOutcome.Answered(response, attempts));
        }
    }
}
