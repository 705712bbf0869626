/**
 * The demo park seeded on an empty database (property {@code jichao.demo.enabled}): buildings,
 * collectors, 245 three-phase prepaid metering points, water meters, households and one
 * operator per role, laid out like the park of the original proposal.
 */
package io.jichao.demo;
