/**
 * Meter control through the collection engine (issue 6 items 2 and 4, issue 5 item 8): relay
 * commands verified by reading status word 3 back ({@link io.jichao.collection.control.RelayControlService},
 * publishing {@link io.jichao.collection.RelayReadBack}), overload parameters written by a
 * ShedLock-guarded job and verified by read-back ({@link io.jichao.collection.control.OverloadService}),
 * and gentle cut-off: friendly hours and the engine's keep-power decisions
 * ({@link io.jichao.collection.control.FriendlyHoursService}, {@link io.jichao.collection.control.GentleCutoffPolicy}).
 * Every exchange goes through the bus queue at WRITE or OPERATOR priority, never on the event loop.
 */
package io.jichao.collection.control;
