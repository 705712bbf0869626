package io.jichao.statement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.shared.DomainException;
import io.jichao.shared.TimeConfiguration;
import io.jichao.shared.report.ReportCadence;
import io.jichao.shared.report.ReportFile;
import io.jichao.shared.report.SubscribableReport;

/**
 * Renders and mails the due subscriptions. For each enabled subscription the due period is the
 * latest day or month that ended at least {@link ReportProperties#delay()} ago (Asia/Shanghai);
 * earlier FAILED periods are tried again, up to {@link ReportProperties#maxAttempts()}.
 *
 * <p>Once per period: the {@code report_delivery} row of (subscription, period) is claimed under
 * its row lock and set SENDING before anything is rendered, and SENT once the SMTP server took the
 * mail; a SENT period is never mailed again, and a SENDING one only after
 * {@link ReportProperties#staleAfter()} (its process died mid-send). {@link ScheduledReportJob}
 * runs this under ShedLock, so two processes do not even race for the rows.
 *
 * <p>The report is rendered with the subscriber's security context (loaded like a login), so the
 * feature's own permission and district checks apply as if the operator had clicked.
 */
@Component
class ScheduledReportRunner {

    private static final Logger log = LoggerFactory.getLogger(ScheduledReportRunner.class);
    private static final String BUNDLE = "vaadin-i18n/translations";

    private final Map<String, SubscribableReport> reports;
    private final ReportSubscriptionStore store;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final UserDetailsService users;
    private final TransactionTemplate transactions;
    private final ReportProperties properties;
    private final Clock clock;

    ScheduledReportRunner(List<SubscribableReport> reports, ReportSubscriptionStore store,
                          ObjectProvider<JavaMailSender> mailSender, UserDetailsService users,
                          PlatformTransactionManager transactionManager, ReportProperties properties, Clock clock) {
        this.reports = reports.stream().collect(Collectors.toMap(SubscribableReport::key, Function.identity()));
        this.store = store;
        this.mailSender = mailSender;
        this.users = users;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock;
    }

    /** Mails every due period of every enabled subscription; returns how many mails went out. */
    int runDue() {
        int sent = 0;
        Instant now = clock.instant();
        for (ReportSubscriptionStore.Subscription subscription : store.enabled()) {
            SubscribableReport report = reports.get(subscription.reportKey());
            if (report == null) {
                store.recordRun(subscription.id(), now, "FAILED", "unknown report " + subscription.reportKey());
                continue;
            }
            LocalDate due = duePeriod(report.cadence(), now);
            for (LocalDate retry : store.failedPeriods(subscription.id(), properties.maxAttempts())) {
                if (retry.isBefore(due) && deliver(subscription, report, retry)) {
                    sent++;
                }
            }
            if (deliver(subscription, report, due)) {
                sent++;
            }
        }
        return sent;
    }

    /** The first day of the latest period (day or month) that ended at least the delay before {@code now}. */
    LocalDate duePeriod(ReportCadence cadence, Instant now) {
        LocalDate today = now.minus(properties.delay()).atZone(TimeConfiguration.DISPLAY_ZONE).toLocalDate();
        return switch (cadence) {
            case DAILY -> today.minusDays(1);
            case MONTHLY -> YearMonth.from(today).minusMonths(1).atDay(1);
        };
    }

    private boolean deliver(ReportSubscriptionStore.Subscription subscription, SubscribableReport report,
                            LocalDate period) {
        Instant now = clock.instant();
        Integer attempt = transactions.execute(status -> {
            ReportSubscriptionStore.Delivery delivery = store.lockDelivery(subscription.id(), period, now);
            boolean sendingElsewhere = "SENDING".equals(delivery.state())
                    && delivery.lastAttemptAt().isAfter(now.minus(properties.staleAfter()));
            if ("SENT".equals(delivery.state()) || sendingElsewhere || delivery.attempts() >= properties.maxAttempts()) {
                return null;
            }
            store.markDelivery(subscription.id(), period, "SENDING", delivery.attempts() + 1, now, null);
            return delivery.attempts() + 1;
        });
        if (attempt == null) {
            return false;
        }
        try {
            Locale locale = Locale.forLanguageTag(subscription.locale());
            ReportFile file = renderAs(subscription.username(), () -> report.render(period, locale));
            mail(subscription, report, period, locale, file);
            Instant done = clock.instant();
            store.markDelivery(subscription.id(), period, "SENT", attempt, done, null);
            store.recordRun(subscription.id(), done, "SENT", null);
            log.info("Report {} for {} mailed to {}", report.key(), period, subscription.recipients());
            return true;
        } catch (RuntimeException | jakarta.mail.MessagingException failure) {
            String error = describe(failure);
            Instant failed = clock.instant();
            store.markDelivery(subscription.id(), period, "FAILED", attempt, failed, error);
            store.recordRun(subscription.id(), failed, "FAILED", error);
            log.warn("Report {} for {} to {} failed (attempt {}): {}", report.key(), period,
                    subscription.recipients(), attempt, error);
            return false;
        }
    }

    private ReportFile renderAs(String username, java.util.function.Supplier<ReportFile> render) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return render.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private void mail(ReportSubscriptionStore.Subscription subscription, SubscribableReport report, LocalDate period,
                      Locale locale, ReportFile file) throws jakarta.mail.MessagingException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no mail server configured (spring.mail.host)");
        }
        ResourceBundle labels = StatementRenderer.labels(locale);
        String title = labels.getString(report.titleKey());
        String periodLabel = report.cadence() == ReportCadence.MONTHLY ? YearMonth.from(period).toString() : period.toString();
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(subscription.recipients().split(","));
        helper.setSubject(StatementRenderer.format(labels, "subscription.mail.subject", title, periodLabel));
        helper.setText(StatementRenderer.format(labels, "subscription.mail.body", title, periodLabel));
        helper.addAttachment(file.fileName(), new ByteArrayResource(file.content()), file.contentType());
        sender.send(message);
    }

    private static String describe(Exception failure) {
        String text = failure instanceof DomainException domain ? domain.messageKey()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
