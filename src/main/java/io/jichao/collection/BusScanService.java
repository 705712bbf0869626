package io.jichao.collection;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import io.jichao.archive.MeterProtocol;
import io.jichao.collection.link.PortKey;
import io.jichao.collection.link.PortLink;
import io.jichao.protocol.dlt645.MeterAddress;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Commissioning (issue item 6): which meters answer on a serial port, and which of them the
 * archive does not know yet, so they can be offered for adding. Needs MANAGE_COLLECTORS and the
 * collector's whole building inside the district, like editing the collector itself.
 */
@Service
public class BusScanService {

    /** How the meters were found. */
    public enum Method {
        /** The wildcard read-address: exactly one meter is on the bus. */
        READ_ADDRESS,
        /** Each candidate address was asked. */
        PROBE
    }

    /** A meter that answered; {@code archived} when the archive already has its address. */
    public record FoundMeter(String address, boolean archived) {
    }

    public record ScanResult(Method method, List<FoundMeter> found) {

        public ScanResult {
            found = List.copyOf(found);
        }

        /** The meters to offer for the archive. */
        public List<FoundMeter> offered() {
            return found.stream().filter(meter -> !meter.archived()).toList();
        }
    }

    private record PortRow(long collectorId, long buildingId, int portNumber, MeterProtocol protocol) {
    }

    private final CollectionEngine engine;
    private final CurrentOperator currentOperator;
    private final JdbcTemplate jdbc;

    BusScanService(CollectionEngine engine, CurrentOperator currentOperator, JdbcTemplate jdbc) {
        this.engine = engine;
        this.currentOperator = currentOperator;
        this.jdbc = jdbc;
    }

    /** {@code count} consecutive addresses from {@code firstAddress} (12 decimal digits). */
    public ScanResult scan(long portId, String firstAddress, int count) {
        BigInteger first = new BigInteger(MeterAddress.of(firstAddress).digits());
        List<String> candidates = new ArrayList<>();
        for (int i = 0; i < Math.min(count, engine.properties().scan().maxAddresses() + 1); i++) {
            candidates.add(String.format("%012d", first.add(BigInteger.valueOf(i))));
        }
        return scan(portId, candidates);
    }

    /**
     * Tries the read-address wildcard first; when no single meter answers it, probes each
     * candidate (at most {@code jichao.collection.scan.max-addresses}). Blocks for the bus time.
     */
    public ScanResult scan(long portId, List<String> candidates) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_COLLECTORS);
        PortRow port = port(portId);
        if (!operator.district().coversWholeBuilding(port.buildingId())) {
            throw new DomainException("error.district.outside");
        }
        if (!port.protocol().isDlt645()) {
            throw new DomainException("error.collection.scan.protocol");
        }
        List<MeterAddress> addresses = new ArrayList<>(new LinkedHashSet<>(candidates)).stream()
                .map(MeterAddress::of).toList();
        if (addresses.size() > engine.properties().scan().maxAddresses()) {
            throw new DomainException("error.collection.scan.too.many", engine.properties().scan().maxAddresses());
        }
        if (!engine.running()) {
            throw new DomainException("error.collection.engine.stopped");
        }
        PortLink link = engine.link(new PortKey(port.collectorId(), port.portNumber()))
                .orElseThrow(() -> new DomainException("error.collection.port.offline"));
        BusScanner scanner = new BusScanner(link, port.protocol(), engine.properties().scan().probeTimeout());
        var single = scanner.readAddress();
        if (single.isPresent()) {
            return new ScanResult(Method.READ_ADDRESS, flagArchived(List.of(single.get())));
        }
        return new ScanResult(Method.PROBE, flagArchived(scanner.probe(addresses)));
    }

    private PortRow port(long portId) {
        return jdbc.query("""
                SELECT c.id, c.building_id, p.port_number, p.protocol FROM serial_port p
                JOIN collector c ON c.id = p.collector_id WHERE p.id = ?""",
                (row, n) -> new PortRow(row.getLong(1), row.getLong(2), row.getInt(3),
                        MeterProtocol.valueOf(row.getString(4))), portId)
                .stream().findFirst().orElseThrow(() -> new DomainException("error.collection.port.not.found"));
    }

    private List<FoundMeter> flagArchived(List<String> addresses) {
        if (addresses.isEmpty()) {
            return List.of();
        }
        Set<String> archived = new HashSet<>(jdbc.queryForList(
                "SELECT address FROM meter WHERE address IN (" + String.join(",", Collections.nCopies(addresses.size(), "?"))
                        + ")", String.class, addresses.toArray()));
        return addresses.stream().map(address -> new FoundMeter(address, archived.contains(address))).toList();
    }
}
