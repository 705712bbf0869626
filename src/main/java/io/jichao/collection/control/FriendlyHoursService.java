package io.jichao.collection.control;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.DistrictScope;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * Friendly hours (issue 5 item 8) and the meters the engine holds because of them. Seeing needs
 * DEVICE_CONTROL (holds are filtered to the district); changing them applies to the whole site, so
 * it needs DEVICE_CONTROL and a whole-site district, and is audited ({@code FRIENDLY_HOURS_CHANGED}).
 */
@Service
public class FriendlyHoursService {

    private final GentleCutoffStore store;
    private final GentleCutoffPolicy policy;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    FriendlyHoursService(GentleCutoffStore store, GentleCutoffPolicy policy, CurrentOperator currentOperator,
                         AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    public FriendlyHours hours() {
        controller();
        return store.hours();
    }

    /** Empty when a cut-off may happen now, else why not. */
    public Optional<FriendlyHours.Quiet> quietNow() {
        controller();
        return policy.quietNow(store.hours());
    }

    public boolean mayChange() {
        OperatorContext operator = currentOperator.get();
        return operator.has(Permission.DEVICE_CONTROL) && operator.district().wholeSite();
    }

    public void save(FriendlyHours hours) {
        OperatorContext operator = controller();
        if (!operator.district().wholeSite()) {
            throw new DomainException("error.control.friendly.site");
        }
        if (hours.windows().isEmpty()) {
            throw new DomainException("error.control.friendly.window");
        }
        transactions.executeWithoutResult(tx -> {
            store.save(hours, operator.username(), clock.instant());
            audit.record(operator.username(), "FRIENDLY_HOURS_CHANGED", "friendly-hours", "windows "
                    + hours.windowsText() + ", weekends " + (hours.weekendsAllowed() ? "allowed" : "not allowed")
                    + ", holidays " + hours.holidays().stream().sorted().toList());
        });
    }

    /** Meters of the district held in keep-power now, oldest hold first. */
    public List<HeldMeter> holds() {
        DistrictScope district = controller().district();
        return store.holds().stream().filter(hold -> district.covers(hold.buildingId(), hold.boxId()))
                .map(GentleCutoffStore.HoldInBuilding::held).toList();
    }

    private OperatorContext controller() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.DEVICE_CONTROL);
        return operator;
    }
}
