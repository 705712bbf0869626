package io.jichao.alarm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.jichao.notify.NotificationService;

/**
 * Alarms reach people by SMS (R11, issue 6 items 3 and 5). On {@link AlarmChanged} (published after
 * the alarm's commit): a raised household kind (low or no remaining energy) texts the household's
 * numbers a reminder to recharge, de-duplicated by {@code alarm:<id>}; a raised manager kind opens
 * the alert {@code alarm:<id>} down the building's manager contacts (FAULT = urgent), or, with a
 * {@code group-window}, joins the building's group of that kind ({@link AlarmSmsGroups}: one alert for
 * an alarm storm). Acknowledging the alarm acknowledges the alert (a group's once all its alarms are
 * settled), so the escalation stops; clearing it does as well (the condition is gone; nobody further
 * down the list needs to be woken), recorded as by {@code system}. Manager texts carry the building
 * and subject only, never the alarm's free-text detail, so they are wholly in the recipient's
 * language. A failure to notify is logged and never undoes or blocks the alarm.
 */
@Component
class AlarmNotifier {

    static final String ALERT_PREFIX = "alarm:";
    private static final Logger log = LoggerFactory.getLogger(AlarmNotifier.class);
    private static final Pattern REMAINING = Pattern.compile(
            "^" + Pattern.quote(MeterAlarmRules.REMAINING_DETAIL).replace("%s", "\\E(-?[0-9]+(?:\\.[0-9]+)?)\\Q"));

    private final NotificationService notifications;
    private final AlarmSmsProperties properties;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AlarmSmsGroups groups;

    AlarmNotifier(NotificationService notifications, AlarmSmsProperties properties, JdbcTemplate jdbc,
                  PlatformTransactionManager transactionManager, AlarmSmsGroups groups) {
        this.notifications = notifications;
        this.groups = groups;
        this.properties = properties;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // Called from the alarm's afterCommit: a transaction of its own, never the finished one.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The alert key of an alarm, for {@link NotificationService#alertMessages}. */
    static String alertKey(long alarmId) {
        return ALERT_PREFIX + alarmId;
    }

    @EventListener
    void on(AlarmChanged changed) {
        if (!properties.enabled()) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> notify(changed));
        } catch (RuntimeException e) {
            log.error("SMS for alarm {} ({} {}) failed; the alarm stands", changed.alarmId(), changed.kind(),
                    changed.state(), e);
        }
    }

    private void notify(AlarmChanged changed) {
        String key = alertKey(changed.alarmId());
        switch (changed.state()) {
            case RAISED -> raised(changed, key);
            case ACKNOWLEDGED -> {
                String by = find(changed.alarmId()).map(AlarmRow::acknowledgedBy).orElse("system");
                notifications.acknowledge(key, by);
                groups.settled(changed.alarmId(), by);
            }
            case CLEARED -> {
                notifications.acknowledge(key, "system");
                groups.settled(changed.alarmId(), "system");
            }
        }
    }

    private void raised(AlarmChanged changed, String key) {
        AlarmKind kind = AlarmKind.valueOf(changed.kind());
        boolean household = properties.householdKinds().contains(kind) && changed.meterId() != null;
        boolean manager = properties.managerKinds().contains(kind);
        if (!household && !manager) {
            return;
        }
        Optional<AlarmRow> found = find(changed.alarmId());
        if (found.isEmpty()) {
            return;
        }
        AlarmRow alarm = found.get();
        if (household) {
            Optional<String> remaining = remainingKwh(alarm.detail());
            Optional<String> balance = HostBalanceAlarms.balanceYuan(alarm.detail());
            if (kind == AlarmKind.ZERO_REMAINING || kind == AlarmKind.ZERO_BALANCE) {
                notifications.toHousehold(alarm.meterId(), "sms.alarm.household." + kind.name(), Map.of(), key);
            } else if (HostBalanceAlarms.KINDS.contains(kind) && balance.isPresent()) {
                notifications.toHousehold(alarm.meterId(), "sms.alarm.household." + kind.name(),
                        Map.of("balance", balance.get()), key);
            } else if (HostBalanceAlarms.KINDS.contains(kind)) {
                log.warn("Alarm {}: no balance in its detail \"{}\", no household SMS", alarm.id(), alarm.detail());
            } else if (kind == AlarmKind.ZERO_REMAINING) {
                notifications.toHousehold(alarm.meterId(), "sms.alarm.household.ZERO_REMAINING", Map.of(), key);
            } else if (remaining.isPresent()) {
                notifications.toHousehold(alarm.meterId(), "sms.alarm.household." + kind.name(),
                        Map.of("remaining", remaining.get()), key);
            } else {
                log.warn("Alarm {}: no remaining energy in its detail \"{}\", no household SMS", alarm.id(),
                        alarm.detail());
            }
        }
        if (manager) {
            alertManagers(alarm, key);
        }
    }

    private void alertManagers(AlarmRow alarm, String key) {
        if (alarm.buildingId() == null) {
            log.warn("Alarm {} has no building, no manager SMS", alarm.id());
            return;
        }
        if (groups.grouping()) {
            groups.join(alarm);
            return;
        }
        Map<String, String> values = Map.of(
                "building", alarm.buildingName() == null ? String.valueOf(alarm.buildingId()) : alarm.buildingName(),
                "subject", alarm.subject());
        String template = "sms.alarm.one." + alarm.kind().name();
        boolean urgent = alarm.severity() == Severity.FAULT;
        if (alarm.meterId() != null) {
            notifications.alert(alarm.meterId(), template, values, key, urgent);
        } else {
            notifications.alertBuilding(alarm.buildingId(), template, values, key, urgent);
        }
    }

    private Optional<AlarmRow> find(long alarmId) {
        List<AlarmRow> rows = jdbc.query(AlarmService.COLUMNS + AlarmService.FROM + " WHERE a.id = ?",
                (row, n) -> AlarmService.row(row), alarmId);
        return rows.stream().findFirst();
    }

    /** The remaining kWh of a remaining-energy alarm's detail ({@link MeterAlarmRules#REMAINING_DETAIL}). */
    static Optional<String> remainingKwh(String detail) {
        if (detail == null) {
            return Optional.empty();
        }
        Matcher matcher = REMAINING.matcher(detail);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
