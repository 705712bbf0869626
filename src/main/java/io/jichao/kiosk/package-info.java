/**
 * The self-service kiosk for residents (R13, issue 8): registered kiosk devices per building
 * (a device token set as an HttpOnly cookie), resident sign-in with room number and PIN (set by a
 * clerk, locked after repeated failures, throttled per household and per device), the resident's
 * own data (remaining energy, days left, 30-day usage, recent recharges) and short-lived signed
 * phone links. A kiosk session never carries operator authorities: its services take the
 * identified {@link io.jichao.kiosk.Resident} instead of the current operator, and every operator
 * service refuses it.
 */
package io.jichao.kiosk;
