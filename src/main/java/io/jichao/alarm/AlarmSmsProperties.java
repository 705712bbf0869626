package io.jichao.alarm;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which alarm kinds are texted to whom ({@code jichao.alarms.sms.*}); see the README's table.
 * Household kinds go to the numbers of the meter's household as a reminder to recharge; manager
 * kinds go down the manager contact list of the subject's building, escalating until acknowledged.
 * RELAY_OPEN (opened by command or for no credit) is nobody's by default: the operator or the
 * credit did it on purpose.
 *
 * @param enabled        send SMS for alarms at all
 * @param householdKinds kinds texted to the household (only meter alarms have a household)
 * @param managerKinds   kinds alerted to the building's managers (FAULT ones urgently, also in quiet hours)
 * @param groupWindow    manager alarms of one kind in one building within this window become one SMS
 *                       (sent when the window has passed); zero alerts each alarm at once
 */
@ConfigurationProperties("jichao.alarms.sms")
public record AlarmSmsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue({"LOW_REMAINING_1", "LOW_REMAINING_2", "ZERO_REMAINING", "LOW_BALANCE_1", "LOW_BALANCE_2",
            "ZERO_BALANCE"}) List<AlarmKind> householdKinds,
        @DefaultValue({"METER_COMM_FAILURE", "PORT_COMM_FAILURE", "COLLECTOR_OFFLINE", "RELAY_MISMATCH",
            "OVERLOAD_TRIP", "POWER_JUMP", "VOLTAGE_OUT_OF_RANGE", "REVERSE_ENERGY", "CLOCK_DRIFT"})
        List<AlarmKind> managerKinds,
        @DefaultValue("5m") Duration groupWindow) {

    public AlarmSmsProperties {
        householdKinds = List.copyOf(householdKinds);
        managerKinds = List.copyOf(managerKinds);
        for (AlarmKind kind : householdKinds) {
            if (!HOUSEHOLD_CAPABLE.contains(kind)) {
                throw new IllegalArgumentException("jichao.alarms.sms.household-kinds: no household text for " + kind);
            }
        }
    }

    /** The kinds that have a household text ({@code sms.alarm.household.*}). */
    static final Set<AlarmKind> HOUSEHOLD_CAPABLE = Set.of(AlarmKind.LOW_REMAINING_1, AlarmKind.LOW_REMAINING_2,
            AlarmKind.ZERO_REMAINING, AlarmKind.LOW_BALANCE_1, AlarmKind.LOW_BALANCE_2, AlarmKind.ZERO_BALANCE);
}
