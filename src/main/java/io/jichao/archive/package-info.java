/**
 * The archive (R21): site, buildings, floors, distribution boxes, collectors and their serial
 * ports, meters (metering points) and households. Every read and change is scoped to the
 * acting operator's district here, in the services.
 */
package io.jichao.archive;
