/**
 * The colour-coded fault map (R6): floor plans (SVG or PNG) per floor, meters and collectors placed
 * on them, each point green, yellow or red from its active alarms, recoloured by server push when
 * an {@link io.jichao.alarm.AlarmChanged} event arrives. Reads the alarm table with its own SQL; it
 * never writes alarms.
 */
package io.jichao.faultmap;
