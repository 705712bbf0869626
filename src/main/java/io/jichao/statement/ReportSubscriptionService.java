package io.jichao.statement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;
import io.jichao.shared.report.SubscribableReport;

/**
 * Finance's subscriptions to the reports features contribute as {@link SubscribableReport} beans
 * (issue 7 item 4). FINANCE only; an operator sees and ends only their own subscriptions, and the
 * report later runs with that operator's rights and district. Changes are audited.
 */
@Service
public class ReportSubscriptionService {

    static final int MAX_RECIPIENTS = 10;
    /** A plain address: local part, @, a dotted domain; no display names, no lists inside one entry. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    private final Map<String, SubscribableReport> reports;
    private final ReportSubscriptionStore store;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final Clock clock;

    ReportSubscriptionService(List<SubscribableReport> reports, ReportSubscriptionStore store,
                              CurrentOperator currentOperator, AuditTrail audit, Clock clock) {
        this.reports = reports.stream().collect(Collectors.toMap(SubscribableReport::key, Function.identity()));
        this.store = store;
        this.currentOperator = currentOperator;
        this.audit = audit;
        this.clock = clock;
    }

    /** The reports one may subscribe to, by key. */
    public List<ReportChoice> reports() {
        finance();
        return reports.values().stream().map(r -> new ReportChoice(r.key(), r.titleKey(), r.cadence()))
                .sorted(Comparator.comparing(ReportChoice::key)).toList();
    }

    @Transactional(readOnly = true)
    public List<ReportSubscriptionView> mine() {
        OperatorContext operator = finance();
        return store.ofOperator(operator.operatorId()).stream().map(this::view).toList();
    }

    /** Subscribes the operator to a report, mailed to 1–10 addresses (comma, semicolon or space separated). */
    @Transactional
    public long subscribe(String reportKey, String recipients, Locale locale) {
        OperatorContext operator = finance();
        SubscribableReport report = reportKey == null ? null : reports.get(reportKey);
        if (report == null) {
            throw new DomainException("error.subscription.report.unknown");
        }
        String addresses = String.join(",", addresses(recipients));
        if (store.exists(operator.operatorId(), reportKey)) {
            throw new DomainException("error.subscription.exists");
        }
        long id = store.insert(operator.operatorId(), reportKey, addresses,
                (locale == null ? Locale.SIMPLIFIED_CHINESE : locale).toLanguageTag(), clock.instant());
        audit.record(operator.username(), "REPORT_SUBSCRIBE", reportKey, addresses);
        return id;
    }

    @Transactional
    public void unsubscribe(long subscriptionId) {
        OperatorContext operator = finance();
        ReportSubscriptionStore.Subscription subscription = store.find(subscriptionId)
                .filter(s -> s.operatorId() == operator.operatorId())
                .orElseThrow(() -> new DomainException("error.subscription.not.found"));
        store.delete(subscriptionId);
        audit.record(operator.username(), "REPORT_UNSUBSCRIBE", subscription.reportKey(), subscription.recipients());
    }

    static List<String> addresses(String recipients) {
        List<String> parts = recipients == null ? List.of()
                : Arrays.stream(recipients.split("[,;\\s]+")).map(String::strip).filter(p -> !p.isEmpty()).toList();
        Set<String> unique = new LinkedHashSet<>(parts);
        List<String> invalid = new ArrayList<>(unique.stream().filter(a -> !ADDRESS.matcher(a).matches()).toList());
        if (unique.isEmpty() || unique.size() > MAX_RECIPIENTS || !invalid.isEmpty()) {
            throw new DomainException("error.subscription.recipients", String.join(", ", invalid));
        }
        return List.copyOf(unique);
    }

    private ReportSubscriptionView view(ReportSubscriptionStore.Subscription s) {
        SubscribableReport report = reports.get(s.reportKey());
        return new ReportSubscriptionView(s.id(), s.reportKey(), report == null ? null : report.titleKey(),
                report == null ? null : report.cadence(), s.recipients(), s.enabled(), s.lastRunAt(), s.lastOutcome(),
                s.lastError());
    }

    private OperatorContext finance() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.FINANCE);
        return operator;
    }
}
