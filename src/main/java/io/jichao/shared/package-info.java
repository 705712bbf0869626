/**
 * Types every feature uses: the application clock, the display time zone, message-keyed
 * domain errors and the embedded database. Depends on no other feature.
 */
package io.jichao.shared;
