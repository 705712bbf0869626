/**
 * The archive's views: the meter grid with its filters, the meter form, import and export.
 * Views call the archive services only; the services scope everything to the district.
 */
package io.jichao.archive.ui;
