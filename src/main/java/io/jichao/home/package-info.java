/**
 * The operations home after login (R23): per role and district, reading success, schedules,
 * collectors online, alarms with their trend, remaining energy, sales and open recharge orders,
 * each from its owning feature's public service; {@code HomeEvents} pushes changes to open pages.
 */
package io.jichao.home;
