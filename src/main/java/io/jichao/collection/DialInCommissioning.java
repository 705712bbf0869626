package io.jichao.collection;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.CollectorService;
import io.jichao.archive.CollectorViews.CollectorDraft;
import io.jichao.archive.CollectorViews.PortDraft;
import io.jichao.archive.CollectorViews.PortView;
import io.jichao.archive.ConnectionMode;
import io.jichao.archive.MeterProtocol;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Commissioning dial-in collectors (issue 13.4): the dial-ins the engine of this process could not
 * attach ({@link UnknownDialIn}, newest first), and making a collector of one in a single step. Who
 * may manage collectors may do both; the collector itself is created by the archive's
 * {@link CollectorService}, which checks the draft and the district.
 */
@Service
public class DialInCommissioning {

    private final CollectionEngine engine;
    private final CollectorService collectors;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;

    DialInCommissioning(CollectionEngine engine, CollectorService collectors, CurrentOperator currentOperator,
                        AuditTrail audit) {
        this.engine = engine;
        this.collectors = collectors;
        this.currentOperator = currentOperator;
        this.audit = audit;
    }

    /** Empty when the engine does not run in this process (it listens for dial-ins). */
    public List<UnknownDialIn> unknownDialIns() {
        manager();
        return engine.unknownDialIns().list();
    }

    /**
     * Creates a CLIENT-mode collector for the unknown dial-in {@code key}: every port speaks
     * {@code protocol} with that protocol's usual framing (changeable afterwards per port). The
     * entry (and the other ports' entries of the same registration code) leaves the list. Refused
     * when the entry is gone, the draft is not a dial-in collector, or the archive refuses it.
     */
    @Transactional
    public long commission(String key, CollectorDraft draft, MeterProtocol protocol) {
        OperatorContext operator = manager();
        UnknownDialIn entry = engine.unknownDialIns().find(key)
                .orElseThrow(() -> new DomainException("error.dial-in.gone"));
        if (draft.connectionMode() != ConnectionMode.CLIENT) {
            throw new DomainException("error.dial-in.client-only");
        }
        if (protocol == null) {
            throw new DomainException("error.required", "protocol");
        }
        long collectorId = collectors.create(draft);
        if (protocol != MeterProtocol.DLT645_2007) {
            List<PortView> ports = collectors.list().stream().filter(c -> c.id() == collectorId).findFirst()
                    .orElseThrow().ports();
            for (PortView port : ports) {
                collectors.updatePort(port.id(), new PortDraft(protocol.usualBaudRate(), 8, protocol.usualParity(), 1,
                        protocol, null));
            }
        }
        audit.record(operator.username(), "DIAL_IN_COMMISSION", draft.name().trim(),
                "from " + entry.sourceHost() + ", sent [" + entry.hex() + "], registration " + draft.registrationId().trim()
                        + ", ports " + protocol);
        engine.unknownDialIns().commissioned(entry);
        return collectorId;
    }

    private OperatorContext manager() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.MANAGE_COLLECTORS);
        return operator;
    }
}
