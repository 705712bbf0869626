/**
 * The administration pages: operators with their roles and districts, the site structure
 * (buildings, floors, distribution boxes), collectors with their serial ports and the audit trail
 * (read through the audit feature's {@code AuditLog}). Views only;
 * the rules live in the security and archive services they call. Nothing depends on this feature.
 */
package io.jichao.admin;
