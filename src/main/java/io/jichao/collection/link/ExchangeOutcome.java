package io.jichao.collection.link;

import io.jichao.protocol.dlt645.Dlt645Error;

/** How one request on a bus ended. Exactly one outcome completes each exchange. */
public sealed interface ExchangeOutcome {

    /** The addressed device answered normally; {@code answer} is a Dlt645Response or a ModbusResponse. */
    record Answered(Object answer, int attempts) implements ExchangeOutcome {
    }

    /** A DL/T 645 meter answered with an abnormal answer (D6 set) and this error byte. */
    record Refused(Dlt645Error error) implements ExchangeOutcome {
    }

    /** A Modbus device answered with an exception response. */
    record ModbusException(int exceptionCode) implements ExchangeOutcome {
    }

    /** No matching answer within the answer timeout, after every retry. */
    record TimedOut(int attempts) implements ExchangeOutcome {
    }

    /** The connection to the collector port was not there or dropped while the request waited. */
    record LinkDown(String reason) implements ExchangeOutcome {
    }

    /** A broadcast went out and its settle time passed; nobody answers a broadcast. */
    record Sent() implements ExchangeOutcome {
    }

    default boolean answered() {
        return this instanceof Answered;
    }
}
