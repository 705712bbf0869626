package io.jichao.collection.control;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.archive.MeterDetails;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Overload parameters (issue 6 item 2, R10): the maximum power and sudden-power threshold a meter
 * should hold, set for one meter, for selected meters or for a whole building of the district.
 * Setting only stores the desired values as PENDING (audited, {@code OVERLOAD_SET}); the engine's
 * job ({@link OverloadWriter}) writes and verifies them. Needs DEVICE_CONTROL; meters outside the
 * district are "not found", a building needs to be wholly in the district.
 */
@Service
public class OverloadService {

    /** XX.XXXX kW: what the meters' 3-byte BCD item holds. */
    private static final BigDecimal LARGEST = new BigDecimal("99.9999");

    private final MeterService meters;
    private final OverloadStore store;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OverloadService(MeterService meters, OverloadStore store, CurrentOperator currentOperator, AuditTrail audit,
                    PlatformTransactionManager transactionManager, Clock clock) {
        this.meters = meters;
        this.store = store;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Sets the same values for each meter; returns how many were set. */
    public int set(List<Long> meterIds, BigDecimal maxPowerKw, BigDecimal suddenPowerKw) {
        OperatorContext operator = controller();
        BigDecimal max = checked(maxPowerKw);
        BigDecimal sudden = checked(suddenPowerKw);
        List<MeterDetails> targets = meterIds.stream().distinct().map(meters::get).toList();
        for (MeterDetails meter : targets) {
            if (meter.draft().protocol() != MeterProtocol.DLT645_2007) {
                throw new DomainException("error.control.overload.protocol", meter.draft().address());
            }
        }
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> targets.forEach(meter -> {
            store.request(meter.id(), max, sudden, operator.username(), now);
            audit.record(operator.username(), "OVERLOAD_SET", meter.draft().address(),
                    "maximum power " + max.toPlainString() + " kW, sudden power " + sudden.toPlainString() + " kW");
        }));
        return targets.size();
    }

    /** Sets the values for every active DL/T 645-2007 meter of a building wholly in the district. */
    public int setBuilding(long buildingId, BigDecimal maxPowerKw, BigDecimal suddenPowerKw) {
        OperatorContext operator = controller();
        if (!operator.district().coversWholeBuilding(buildingId)) {
            throw new DomainException("error.control.building.district");
        }
        List<Long> ids = building(buildingId).stream().map(OverloadSetting::meterId).toList();
        return ids.isEmpty() ? 0 : set(ids, maxPowerKw, suddenPowerKw);
    }

    /**
     * The DL/T 645-2007 meters of a building that are in the district (the ones that take overload
     * parameters), with their settings (state null: never set).
     */
    public List<OverloadSetting> building(long buildingId) {
        DistrictScope district = controller().district();
        return store.building(buildingId).stream().filter(meter -> district.covers(buildingId, meter.boxId())
                        && MeterProtocol.DLT645_2007.name().equals(meter.protocol()))
                .map(OverloadStore.MeterInBuilding::setting).toList();
    }

    /** The maximum power the archive plans for the meter (its form's field), a starting value; may be null. */
    public BigDecimal plannedMaxPowerKw(long meterId) {
        controller();
        return meters.get(meterId).draft().maxPowerKw();
    }

    public Optional<OverloadSetting> of(long meterId) {
        controller();
        meters.get(meterId);
        return store.find(meterId).filter(setting -> setting.state() != null);
    }

    private OperatorContext controller() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.DEVICE_CONTROL);
        return operator;
    }

    private static BigDecimal checked(BigDecimal kw) {
        if (kw == null || kw.signum() < 0 || kw.compareTo(LARGEST) > 0 || kw.stripTrailingZeros().scale() > 4) {
            throw new DomainException("error.control.overload.value");
        }
        return kw.setScale(4);
    }
}
