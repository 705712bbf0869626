package io.jichao.protocol.dlt645;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * A meter's answer, classified. {@link #of(Dlt645Frame)} turns a decoded frame into one of the
 * four kinds; {@link #matches(Dlt645Frame)} tells the engine whether it answers a given request.
 */
public sealed interface Dlt645Response {

    MeterAddress address();

    ControlCode control();

    /**
     * True when this answers {@code request}: same function, the request's address accepts this
     * one (wildcards match any meter), and for reads the same identifier. A broadcast request has
     * no answer.
     */
    default boolean matches(Dlt645Frame request) {
        ControlCode sent = request.control();
        return !sent.fromMeter()
                && sent.functionCode() == control().functionCode()
                && !request.address().isBroadcast()
                && request.address().accepts(address());
    }

    /** Classifies an answer frame; rejects requests and malformed answers. */
    static Dlt645Response of(Dlt645Frame frame) {
        ControlCode control = frame.control();
        if (!control.fromMeter()) {
            throw new Dlt645FormatException("frame " + frame + " is a request, not an answer");
        }
        if (control.abnormal()) {
            if (frame.dataLength() < 1) {
                throw new Dlt645FormatException("abnormal answer without error byte: " + frame);
            }
            return new ErrorAnswer(frame.address(), control, new Dlt645Error(frame.dataByte(0)));
        }
        return switch (control.functionCode()) {
            case 0x11 -> ReadAnswer.of(frame, Dlt645Version.V2007, false);
            case 0x12 -> ReadAnswer.of(frame, Dlt645Version.V2007, true);
            case 0x01, 0x02 -> ReadAnswer.of(frame, Dlt645Version.V1997, false);
            case 0x13 -> AddressAnswer.of(frame);
            default -> new Acknowledgement(frame.address(), control);
        };
    }

    /**
     * Answer to a read (2007 C = 91/B1/92/B2, 1997 C = 81/A1/82/A2): the identifier and the plain
     * value bytes. {@code sequence} is present on 2007 follow-up answers.
     */
    record ReadAnswer(MeterAddress address, ControlCode control, DataIdentifier identifier,
            byte[] value, OptionalInt sequence) implements Dlt645Response {

        private static final HexFormat HEX = HexFormat.ofDelimiter(" ").withUpperCase();

        public ReadAnswer {
            value = value.clone();
        }

        static ReadAnswer of(Dlt645Frame frame, Dlt645Version version, boolean withSequence) {
            int identifierLength = version.identifierLength();
            int trailer = withSequence ? 1 : 0;
            int valueLength = frame.dataLength() - identifierLength - trailer;
            if (valueLength < 0) {
                throw new Dlt645FormatException("read answer too short for its identifier: " + frame);
            }
            byte[] plain = frame.data();
            DataIdentifier identifier = DataIdentifier.fromWire(version, plain, 0);
            OptionalInt sequence = withSequence ? OptionalInt.of(plain[plain.length - 1] & 0xFF) : OptionalInt.empty();
            return new ReadAnswer(frame.address(), frame.control(), identifier,
                    Arrays.copyOfRange(plain, identifierLength, identifierLength + valueLength), sequence);
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public int valueLength() {
            return value.length;
        }

        /** More frames follow (D5 set): ask for them with a follow-up read. */
        public boolean moreFollows() {
            return control.moreFollows();
        }

        public DataValue decode(ValueFormat format) {
            return format.decode(value, 0, value.length);
        }

        public DataValue decode(DataItem item) {
            return decode(item.format());
        }

        @Override
        public boolean matches(Dlt645Frame request) {
            return Dlt645Response.super.matches(request)
                    && request.dataLength() >= identifier.wireLength()
                    && DataIdentifier.fromWire(identifier.version(), request.data(), 0).equals(identifier);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ReadAnswer answer
                    && address.equals(answer.address) && control.equals(answer.control)
                    && identifier.equals(answer.identifier) && Arrays.equals(value, answer.value)
                    && sequence.equals(answer.sequence);
        }

        @Override
        public int hashCode() {
            return ((address.hashCode() * 31 + identifier.hashCode()) * 31 + Arrays.hashCode(value)) * 31
                    + sequence.hashCode();
        }

        @Override
        public String toString() {
            return "ReadAnswer[address=" + address + ", control=" + control + ", identifier=" + identifier
                    + ", value=[" + HEX.formatHex(value) + "], sequence=" + sequence + "]";
        }
    }

    /** Answer to a read-address request (C = 93): the meter's own address. */
    record AddressAnswer(MeterAddress address, ControlCode control) implements Dlt645Response {

        static AddressAnswer of(Dlt645Frame frame) {
            if (frame.dataLength() != MeterAddress.WIRE_LENGTH) {
                throw new Dlt645FormatException("read-address answer must carry 6 bytes: " + frame);
            }
            MeterAddress reported = MeterAddress.fromWire(frame.data(), 0);
            if (!reported.equals(frame.address())) {
                throw new Dlt645FormatException("read-address answer from " + frame.address()
                        + " reports " + reported);
            }
            return new AddressAnswer(reported, frame.control());
        }
    }

    /** A normal answer without data to interpret: write (94), relay (9C), freeze (96) and others. */
    record Acknowledgement(MeterAddress address, ControlCode control) implements Dlt645Response {
    }

    /** An abnormal answer (D6 set) with its error byte. */
    record ErrorAnswer(MeterAddress address, ControlCode control, Dlt645Error error) implements Dlt645Response {
    }
}
