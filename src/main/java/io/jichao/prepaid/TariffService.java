package io.jichao.prepaid;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.MeterService;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;

/**
 * Tariff groups and their dated versions (R3). Changing prices is finance's job; every change is
 * audited. A version may start today or later, never in the past, so what was charged yesterday
 * stays what the history says.
 */
@Service
public class TariffService {

    private final TariffGroupRepository groups;
    private final TariffGroupMeterRepository memberships;
    private final TariffVersionRepository versions;
    private final MeterService meters;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    TariffService(TariffGroupRepository groups, TariffGroupMeterRepository memberships,
                  TariffVersionRepository versions, MeterService meters, CurrentOperator currentOperator,
                  AuditTrail audit, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.versions = versions;
        this.meters = meters;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long createGroup(String name) {
        OperatorContext operator = finance();
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 100) {
            throw new DomainException("error.tariff.group.name");
        }
        if (groups.existsByName(trimmed)) {
            throw new DomainException("error.tariff.group.taken", trimmed);
        }
        TariffGroup group = groups.save(new TariffGroup(trimmed, clock.instant()));
        audit.record(operator.username(), "TARIFF_GROUP_CREATE", trimmed, null);
        return group.getId();
    }

    @Transactional(readOnly = true)
    public long siteDefaultGroupId() {
        return siteDefault().getId();
    }

    /** Puts a meter (inside the operator's district) into a group, moving it out of any other. */
    @Transactional
    public void assignMeter(long groupId, long meterId) {
        OperatorContext operator = finance();
        TariffGroup group = group(groupId);
        String address = meters.get(meterId).draft().address();
        memberships.findById(meterId).ifPresentOrElse(
                membership -> membership.moveTo(groupId),
                () -> memberships.save(new TariffGroupMeter(meterId, groupId)));
        audit.record(operator.username(), "TARIFF_GROUP_ASSIGN", address, group.getName());
    }

    /** Adds a version that takes over from {@code effectiveFrom} (a Shanghai calendar day, today or later). */
    @Transactional
    public long addVersion(long groupId, LocalDate effectiveFrom, TariffPlan plan) {
        OperatorContext operator = finance();
        TariffGroup group = group(groupId);
        if (effectiveFrom == null || plan == null) {
            throw new DomainException("error.required", "effectiveFrom");
        }
        if (effectiveFrom.isBefore(today())) {
            throw new DomainException("error.tariff.effective.past");
        }
        if (versions.existsByGroupIdAndEffectiveFrom(groupId, effectiveFrom)) {
            throw new DomainException("error.tariff.effective.taken", effectiveFrom.toString());
        }
        TariffVersion version = versions.save(
                new TariffVersion(groupId, effectiveFrom, plan, clock.instant(), operator.username()));
        audit.record(operator.username(), "TARIFF_VERSION_ADD", group.getName(), effectiveFrom + " " + plan);
        return version.getId();
    }

    /** Every group by name with the version in force today (Shanghai) and the next scheduled one. */
    @Transactional(readOnly = true)
    public List<TariffGroupSummary> groups() {
        currentOperator.get().require(Permission.VIEW_ARCHIVE);
        LocalDate today = today();
        return groups.findAll(Sort.by("name")).stream().map(group -> {
            List<TariffVersionView> all = versions.findByGroupIdOrderByEffectiveFromAsc(group.getId()).stream()
                    .map(TariffVersionView::of).toList();
            TariffVersionView inForce = all.stream().filter(v -> !v.effectiveFrom().isAfter(today))
                    .reduce((first, second) -> second).orElse(null);
            TariffVersionView next = all.stream().filter(v -> v.effectiveFrom().isAfter(today))
                    .findFirst().orElse(null);
            return new TariffGroupSummary(group.getId(), group.getName(), group.isSiteDefault(), inForce, next);
        }).toList();
    }

    /** Every version of a group, oldest first: the full price history. */
    @Transactional(readOnly = true)
    public List<TariffVersionView> history(long groupId) {
        currentOperator.get().require(Permission.VIEW_ARCHIVE);
        group(groupId);
        return versions.findByGroupIdOrderByEffectiveFromAsc(groupId).stream().map(TariffVersionView::of).toList();
    }

    /** The version in force for a meter (inside the district) on a day. */
    @Transactional(readOnly = true)
    public TariffVersionView inForce(long meterId, LocalDate day) {
        currentOperator.get().require(Permission.VIEW_ARCHIVE);
        meters.get(meterId);
        return versionFor(meterId, day);
    }

    /** For services that have already checked the operator: the version in force, or a readable refusal. */
    TariffVersionView versionFor(long meterId, LocalDate day) {
        long groupId = memberships.findById(meterId).map(TariffGroupMeter::getGroupId)
                .orElseGet(() -> siteDefault().getId());
        return versions.findFirstByGroupIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(groupId, day)
                .map(TariffVersionView::of)
                .orElseThrow(() -> new DomainException("error.tariff.none"));
    }

    /** The tariff group of each meter, the site default for a meter in none (host-side debiting, many meters at once). */
    Map<Long, Long> groupsOf(Collection<Long> meterIds) {
        Map<Long, Long> groups = new HashMap<>();
        memberships.groupsOf(meterIds).forEach(row -> groups.put((Long) row[0], (Long) row[1]));
        if (groups.size() < meterIds.size()) {
            long fallback = siteDefault().getId();
            meterIds.forEach(id -> groups.putIfAbsent(id, fallback));
        }
        return groups;
    }

    /** The plan of a group in force on a day, or the same refusal as {@link #versionFor}. */
    TariffPlan planOf(long groupId, LocalDate day) {
        return versions.findFirstByGroupIdAndEffectiveFromLessThanEqualOrderByEffectiveFromDesc(groupId, day)
                .map(version -> TariffVersionView.of(version).plan())
                .orElseThrow(() -> new DomainException("error.tariff.none"));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(TimeConfiguration.DISPLAY_ZONE));
    }

    private TariffGroup siteDefault() {
        return groups.findBySiteDefaultKey(TariffGroup.SITE_DEFAULT).orElseThrow();
    }

    private TariffGroup group(long groupId) {
        return groups.findById(groupId).orElseThrow(() -> new DomainException("error.tariff.group.not.found"));
    }

    private OperatorContext finance() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return operator;
    }
}
