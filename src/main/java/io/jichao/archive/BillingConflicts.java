package io.jichao.archive;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Role;
import io.jichao.shared.DomainException;
import jakarta.persistence.EntityManager;

/**
 * Meters whose stored billing mode breaks {@link MeterCapabilities}: data written before the rule
 * existed, or by a direct database edit. The form and the import refuse such meters now; existing
 * ones are reported at start-up (one WARN line each) and listed for the super admin, and never
 * changed here: which mode is right (post-paid, or host-side prepaid) is a person's decision.
 */
@Service
public class BillingConflicts {

    private static final Logger LOG = LoggerFactory.getLogger(BillingConflicts.class);

    private final EntityManager entityManager;
    private final CurrentOperator currentOperator;

    BillingConflicts(EntityManager entityManager, CurrentOperator currentOperator) {
        this.entityManager = entityManager;
        this.currentOperator = currentOperator;
    }

    /** The site's conflicts, by address; the super admin only (they span every district). */
    @Transactional(readOnly = true)
    public List<BillingConflict> list() {
        OperatorContext operator = currentOperator.get();
        if (!operator.roles().contains(Role.SUPER_ADMIN)) {
            throw new DomainException("error.permission.denied", Role.SUPER_ADMIN_NAME);
        }
        return find();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Transactional(readOnly = true)
    public void reportAtStartup() {
        List<BillingConflict> conflicts = find();
        if (conflicts.isEmpty()) {
            return;
        }
        LOG.warn("{} meter(s) are PREPAID (credit kept in the meter) but cannot receive a recharge; "
                + "recharges of them are refused until an administrator changes their billing mode", conflicts.size());
        conflicts.forEach(conflict -> LOG.warn("Meter cannot hold credit but is PREPAID: {}", conflict.describe()));
    }

    List<BillingConflict> find() {
        List<MeterProtocol> cannotHoldCredit = Arrays.stream(MeterProtocol.values())
                .filter(protocol -> !MeterCapabilities.canHoldCredit(protocol)).toList();
        return entityManager.createQuery("""
                        select m from Meter m join fetch m.building left join fetch m.household
                         where m.billingMode = :prepaid and m.protocol in :protocols and m.state <> :removed
                         order by m.address""", Meter.class)
                .setParameter("prepaid", BillingMode.PREPAID)
                .setParameter("protocols", cannotHoldCredit)
                .setParameter("removed", MeterState.REMOVED)
                .getResultStream()
                .map(m -> new BillingConflict(m.getId(), m.getAddress(), m.getProtocol(), m.getBillingMode(),
                        m.getBuilding().getCode(), m.getHousehold() == null ? null : m.getHousehold().getRoom(),
                        m.getHousehold() == null ? null : m.getHousehold().getName()))
                .toList();
    }
}
