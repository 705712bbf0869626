package io.jichao.shared.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded MariaDB that starts when no {@code spring.datasource.url} is set.
 *
 * @param dataDir  where the database files live; survives restarts
 * @param port     TCP port of the embedded server, 0 for any free port
 * @param database schema name
 */
@ConfigurationProperties("jichao.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("./data/mariadb") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("jichao") String database) {
}
