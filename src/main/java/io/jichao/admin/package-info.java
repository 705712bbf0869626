/**
 * The administration pages: operators with their roles and districts, the site structure
 * (buildings, floors, distribution boxes) and collectors with their serial ports. Views only;
 * the rules live in the security and archive services they call. Nothing depends on this feature.
 */
package io.jichao.admin;
