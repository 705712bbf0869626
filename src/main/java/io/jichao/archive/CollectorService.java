package io.jichao.archive;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.CollectorView;
import io.jichao.archive.CollectorViews.PortDraft;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import jakarta.persistence.EntityManager;

/** Collectors and their serial ports (R16), inside the operator's district (whole buildings). */
@Service
public class CollectorService {

    static final Set<Integer> BAUD_RATES = Set.of(600, 1200, 2400, 4800, 9600, 19200);

    private final CollectorRepository collectors;
    private final ArchiveLookup lookup;
    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final ArchiveChanges changes;

    CollectorService(CollectorRepository collectors, ArchiveLookup lookup, EntityManager entityManager,
                     CurrentOperator currentOperator, AuditTrail audit, ArchiveChanges changes) {
        this.changes = changes;
        this.collectors = collectors;
        this.lookup = lookup;
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
        this.audit = audit;
    }

    public static Set<Integer> baudRates() {
        return BAUD_RATES;
    }

    @Transactional(readOnly = true)
    public List<CollectorView> list() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        DistrictScope district = operator.district();
        Map<Long, Long> meterCounts = entityManager.createQuery("""
                        select m.serialPort.id, count(m) from Meter m
                        where m.state = io.jichao.archive.MeterState.ACTIVE and m.serialPort is not null
                        group by m.serialPort.id""", Object[].class)
                .getResultStream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
        return collectors.findAllByOrderByName().stream()
                .filter(c -> district.coversWholeBuilding(c.getBuilding().getId()))
                .map(c -> view(c, meterCounts))
                .toList();
    }

    @Transactional
    public long create(CollectorDraft draft) {
        OperatorContext operator = manager();
        validate(draft);
        Building building = lookup.building(draft.buildingId());
        requireBuilding(operator, building.getId());
        checkRegistrationUnique(draft, null);
        Collector collector = new Collector(building, draft.name().trim(), draft.model(), draft.connectionMode());
        applyConnection(collector, draft);
        for (int number = 1; number <= draft.model().portCount(); number++) {
            collector.addPort(number, MeterProtocol.DLT645_2007.usualBaudRate(), Parity.EVEN,
                    MeterProtocol.DLT645_2007, draft.connectionMode() == ConnectionMode.SERVER ? 10000 + number : null);
        }
        collectors.save(collector);
        audit.record(operator.username(), "COLLECTOR_CREATE", collector.getName(), draft.toString());
        changes.devicesChanged("COLLECTOR_CREATE");
        return collector.getId();
    }

    @Transactional
    public void update(long collectorId, CollectorDraft draft) {
        OperatorContext operator = manager();
        validate(draft);
        Collector collector = lookup.collector(collectorId);
        requireBuilding(operator, collector.getBuilding().getId());
        requireBuilding(operator, draft.buildingId());
        checkRegistrationUnique(draft, collectorId);
        if (draft.model().portCount() < collector.getPorts().size()) {
            throw new DomainException("error.collector.model.ports", draft.model().portCount());
        }
        collector.setBuilding(lookup.building(draft.buildingId()));
        collector.setName(draft.name().trim());
        collector.setModel(draft.model());
        collector.setConnectionMode(draft.connectionMode());
        applyConnection(collector, draft);
        for (int number = collector.getPorts().size() + 1; number <= draft.model().portCount(); number++) {
            collector.addPort(number, 2400, Parity.EVEN, MeterProtocol.DLT645_2007, null);
        }
        audit.record(operator.username(), "COLLECTOR_UPDATE", collector.getName(), draft.toString());
        changes.devicesChanged("COLLECTOR_UPDATE");
    }

    @Transactional
    public void updatePort(long portId, PortDraft draft) {
        OperatorContext operator = manager();
        SerialPort port = lookup.port(portId);
        requireBuilding(operator, port.getCollector().getBuilding().getId());
        if (!BAUD_RATES.contains(draft.baudRate())) {
            throw new DomainException("error.port.baud", draft.baudRate());
        }
        if (draft.parity() == null || draft.protocol() == null) {
            throw new DomainException("error.required", "protocol");
        }
        if (draft.dataBits() != 7 && draft.dataBits() != 8) {
            throw new DomainException("error.port.data-bits", draft.dataBits());
        }
        if (draft.stopBits() != 1 && draft.stopBits() != 2) {
            throw new DomainException("error.port.stop-bits", draft.stopBits());
        }
        if (draft.tcpPort() != null && (draft.tcpPort() < 1 || draft.tcpPort() > 65535)) {
            throw new DomainException("error.port.tcp", draft.tcpPort());
        }
        if (port.getCollector().getConnectionMode() == ConnectionMode.SERVER && draft.tcpPort() == null) {
            throw new DomainException("error.port.tcp.required");
        }
        long mismatched = entityManager.createQuery("""
                        select count(m) from Meter m where m.serialPort.id = :port and m.protocol <> :protocol
                        and m.state = io.jichao.archive.MeterState.ACTIVE""", Long.class)
                .setParameter("port", portId).setParameter("protocol", draft.protocol()).getSingleResult();
        if (mismatched > 0) {
            throw new DomainException("error.port.protocol.meters", mismatched);
        }
        port.setBaudRate(draft.baudRate());
        port.setDataBits(draft.dataBits());
        port.setParity(draft.parity());
        port.setStopBits(draft.stopBits());
        port.setProtocol(draft.protocol());
        port.setTcpPort(draft.tcpPort());
        audit.record(operator.username(), "PORT_UPDATE",
                port.getCollector().getName() + "#" + port.getPortNumber(), draft.toString());
        changes.devicesChanged("PORT_UPDATE");
    }

    /**
     * The name of a collector the operator may act on (manage collectors, whole building in the
     * district), for actions other features take on it, such as the engine's reconnect; refused
     * like an edit otherwise.
     */
    @Transactional(readOnly = true)
    public String manageableName(long collectorId) {
        OperatorContext operator = manager();
        Collector collector = lookup.collector(collectorId);
        requireBuilding(operator, collector.getBuilding().getId());
        return collector.getName();
    }

    private void checkRegistrationUnique(CollectorDraft draft, Long collectorId) {
        if (draft.connectionMode() != ConnectionMode.CLIENT) {
            return;
        }
        collectors.findByRegistrationId(draft.registrationId().trim())
                .filter(other -> !other.getId().equals(collectorId))
                .ifPresent(other -> {
                    throw new DomainException("error.collector.registration.taken", draft.registrationId().trim());
                });
    }

    private static void applyConnection(Collector collector, CollectorDraft draft) {
        collector.setHost(draft.connectionMode() == ConnectionMode.SERVER ? draft.host().trim() : null);
        collector.setRegistrationId(draft.connectionMode() == ConnectionMode.CLIENT ? draft.registrationId().trim() : null);
        collector.setEnabled(draft.enabled());
    }

    private static void validate(CollectorDraft draft) {
        if (draft.name() == null || draft.name().isBlank()) {
            throw new DomainException("error.required", "name");
        }
        if (draft.model() == null || draft.connectionMode() == null) {
            throw new DomainException("error.required", "model");
        }
        if (draft.connectionMode() == ConnectionMode.SERVER && (draft.host() == null || draft.host().isBlank())) {
            throw new DomainException("error.collector.host.required");
        }
        if (draft.connectionMode() == ConnectionMode.CLIENT
                && (draft.registrationId() == null || draft.registrationId().isBlank())) {
            throw new DomainException("error.collector.registration.required");
        }
    }

    /**
     * Marks a collector as simulated (played by the built-in simulator when it runs) or real (never
     * played). Super admins only, audited: a real collector marked simulated would be answered by
     * simulated meters.
     */
    @Transactional
    public void setSimulated(long collectorId, boolean simulated) {
        OperatorContext operator = currentOperator.get();
        if (!operator.roles().contains(Role.SUPER_ADMIN)) {
            throw new DomainException("error.permission.denied", Role.SUPER_ADMIN_NAME);
        }
        Collector collector = lookup.collector(collectorId);
        if (collector.isSimulated() != simulated) {
            collector.setSimulated(simulated);
            audit.record(operator.username(), "COLLECTOR_SIMULATED", collector.getName(),
                    "simulated=" + simulated);
        }
    }

    private OperatorContext manager() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_COLLECTORS);
        return operator;
    }

    private static void requireBuilding(OperatorContext operator, long buildingId) {
        if (!operator.district().coversWholeBuilding(buildingId)) {
            throw new DomainException("error.district.outside");
        }
    }

    private static CollectorView view(Collector c, Map<Long, Long> meterCounts) {
        List<PortView> ports = c.getPorts().stream()
                .map(p -> new PortView(p.getId(), p.getPortNumber(), p.getBaudRate(), p.getDataBits(), p.getParity(),
                        p.getStopBits(), p.getProtocol(), p.getTcpPort(), meterCounts.getOrDefault(p.getId(), 0L)))
                .toList();
        return new CollectorView(c.getId(), c.getBuilding().getId(), c.getBuilding().getName(), c.getName(),
                c.getModel(), c.getConnectionMode(), c.getHost(), c.getRegistrationId(), c.isEnabled(), ports, c.isSimulated());
    }
}
