/**
 * Alarms (R6, R17): the alarm table and its lifecycle, the {@link io.jichao.alarm.Severity} that
 * colours the fault map, and {@link io.jichao.alarm.AlarmChanged} events for live views.
 */
package io.jichao.alarm;
