package io.jichao.prepaid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.shared.DomainException;

/**
 * Seeding tariffs at start-up (the demo park), where no operator acts. Unlike
 * {@link TariffService#addVersion}, a version may start in the past: a seeded site describes prices
 * already in force, it does not change them. Every step is audited under the caller's name. Runs
 * only inside the seeder's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TariffProvisioning {

    private final TariffGroupRepository groups;
    private final TariffGroupMeterRepository memberships;
    private final TariffVersionRepository versions;
    private final AuditTrail audit;
    private final Clock clock;

    TariffProvisioning(TariffGroupRepository groups, TariffGroupMeterRepository memberships,
                       TariffVersionRepository versions, AuditTrail audit, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    /** True once any group has a version: the site is priced and a seeder leaves it alone. */
    public boolean priced() {
        return versions.count() > 0;
    }

    /** A new group with one version in force from {@code effectiveFrom}. */
    public long group(String name, LocalDate effectiveFrom, TariffPlan plan, String by) {
        if (groups.existsByName(name)) {
            throw new DomainException("error.tariff.group.taken", name);
        }
        long groupId = groups.save(new TariffGroup(name, clock.instant())).getId();
        audit.record(by, "TARIFF_GROUP_CREATE", name, null);
        version(groupId, effectiveFrom, plan, by);
        return groupId;
    }

    /** Puts meters into a group (moving them out of any other). */
    public void assign(long groupId, Collection<Long> meterIds, String by) {
        TariffGroup group = groups.findById(groupId).orElseThrow(() -> new DomainException("error.tariff.group.not.found"));
        for (long meterId : meterIds) {
            memberships.findById(meterId).ifPresentOrElse(
                    membership -> membership.moveTo(groupId),
                    () -> memberships.save(new TariffGroupMeter(meterId, groupId)));
        }
        audit.record(by, "TARIFF_GROUP_ASSIGN", group.getName(), meterIds.size() + " meters");
    }

    private void version(long groupId, LocalDate effectiveFrom, TariffPlan plan, String by) {
        versions.save(new TariffVersion(groupId, effectiveFrom, plan, clock.instant(), by));
        audit.record(by, "TARIFF_VERSION_ADD", String.valueOf(groupId), effectiveFrom + " " + plan);
    }
}
