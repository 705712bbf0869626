package io.jichao.collection.control;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.DataItem;
import io.jichao.protocol.dlt645.DataValue;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeterAddress;

/** Blocking reads and writes of single DL/T 645-2007 items through a bus queue. */
final class MeterValues {

    private MeterValues() {
    }

    /** The decoded value, or a String saying why there is none. */
    static Object read(PortLink link, MeterAddress address, DataItem item, Priority priority) {
        ExchangeOutcome outcome = await(link.exchange(BusRequest.of(Dlt645Commands.read(address, item)), priority));
        return switch (outcome) {
            case ExchangeOutcome.Answered answered when answered.answer() instanceof Dlt645Response.ReadAnswer answer ->
                    decode(answer, item);
            case ExchangeOutcome.Answered answered -> "unexpected answer";
            case ExchangeOutcome.Refused refused -> "refused (" + refused.error() + ")";
            case ExchangeOutcome.TimedOut timedOut -> "no answer";
            case ExchangeOutcome.LinkDown down -> "link down";
            case ExchangeOutcome other -> other.toString();
        };
    }

    private static Object decode(Dlt645Response.ReadAnswer answer, DataItem item) {
        try {
            return answer.decode(item);
        } catch (RuntimeException malformed) {
            return "undecodable answer";
        }
    }

    static ExchangeOutcome await(CompletableFuture<ExchangeOutcome> pending) {
        try {
            return pending.get();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return new ExchangeOutcome.LinkDown("stopped");
        } catch (ExecutionException failed) {
            return new ExchangeOutcome.LinkDown(String.valueOf(failed.getCause()));
        }
    }
}
