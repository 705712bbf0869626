package io.jichao.archive;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;

/** The home page's counts (R23), inside the operator's district. */
@Service
public class ArchiveOverview {

    /** Counts for the home page. */
    public record Counts(long buildings, long collectors, long activeMeters, long removedMeters,
                         Map<BillingMode, Long> activeByBillingMode, long households) {
    }

    private final MeterService meterService;
    private final SiteStructureService structure;
    private final CollectorService collectorService;
    private final CurrentOperator currentOperator;

    ArchiveOverview(MeterService meterService, SiteStructureService structure, CollectorService collectorService,
                    CurrentOperator currentOperator) {
        this.meterService = meterService;
        this.structure = structure;
        this.collectorService = collectorService;
        this.currentOperator = currentOperator;
    }

    @Transactional(readOnly = true)
    public Counts counts() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        MeterFilter active = MeterFilter.none().withState(MeterState.ACTIVE);
        Map<BillingMode, Long> byMode = new EnumMap<>(BillingMode.class);
        for (BillingMode mode : BillingMode.values()) {
            byMode.put(mode, meterService.count(active.withBillingMode(mode)));
        }
        return new Counts(structure.buildings().size(), collectorService.list().size(),
                meterService.count(active), meterService.count(MeterFilter.none().withState(MeterState.REMOVED)),
                byMode, meterService.countHouseholds(operator.district()));
    }
}
