package io.jichao.collection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jichao.archive.MeterProtocol;
import io.jichao.collection.link.BusRequest;
import io.jichao.collection.link.ExchangeOutcome;
import io.jichao.collection.link.PortLink;
import io.jichao.collection.link.Priority;
import io.jichao.protocol.dlt645.DataItem1997;
import io.jichao.protocol.dlt645.DataItem2007;
import io.jichao.protocol.dlt645.Dlt645Commands;
import io.jichao.protocol.dlt645.Dlt645Response;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.shared.DomainException;

/**
 * Finds meters on a DL/T 645 bus for commissioning: the read-address wildcard (2007, C = 13 to
 * AA..AA), which only works with exactly one meter on the bus (several answer at once and
 * collide), and otherwise a probe of each candidate address with a cheap forward-energy read.
 * Every exchange is a single {@link BusRequest.Probe} attempt at WRITE priority, so a scan
 * interleaves with a running cycle rather than waiting for it. Blocking; callers are request threads.
 */
final class BusScanner {

    private final PortLink link;
    private final MeterProtocol protocol;
    private final Duration timeout;

    BusScanner(PortLink link, MeterProtocol protocol, Duration timeout) {
        this.link = link;
        this.protocol = protocol;
        this.timeout = timeout;
    }

    /** The address of the only meter on the bus; empty with none, several, or a 1997 bus. */
    Optional<String> readAddress() {
        if (protocol != MeterProtocol.DLT645_2007) {
            return Optional.empty();
        }
        ExchangeOutcome outcome = exchange(BusRequest.probe(Dlt645Commands.readAddress(), timeout));
        if (outcome instanceof ExchangeOutcome.Answered answered
                && answered.answer() instanceof Dlt645Response.AddressAnswer answer) {
            return Optional.of(answer.address().digits());
        }
        return Optional.empty();
    }

    /** The candidates that answered (a refusal is an answer too: a meter is there), in order. */
    List<String> probe(List<MeterAddress> candidates) {
        List<String> found = new ArrayList<>();
        for (MeterAddress address : candidates) {
            var read = protocol == MeterProtocol.DLT645_2007
                    ? Dlt645Commands.read(address, DataItem2007.FORWARD_ACTIVE_TOTAL)
                    : Dlt645Commands.read(address, DataItem1997.FORWARD_ACTIVE_TOTAL);
            ExchangeOutcome outcome = exchange(BusRequest.probe(read, timeout));
            if (outcome instanceof ExchangeOutcome.Answered || outcome instanceof ExchangeOutcome.Refused) {
                found.add(address.digits());
            }
        }
        return found;
    }

    private ExchangeOutcome exchange(BusRequest request) {
        ExchangeOutcome outcome = link.exchange(request, Priority.WRITE).join();
        if (outcome instanceof ExchangeOutcome.LinkDown) {
            throw new DomainException("error.collection.port.offline");
        }
        return outcome;
    }
}
