package io.jichao.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.jichao.archive.ArchiveProvisioning;
import io.jichao.security.OperatorService;
import io.jichao.testing.JichaoSpringTest;

/**
 * A park seeded by a start in the demo profile, started again without it: the demo operators
 * still on the demo password must change it at their next login; one who changed it already is left alone.
 */
@JichaoSpringTest
class DemoOperatorPasswordIT {

    @Autowired
    private ArchiveProvisioning archive;
    @Autowired
    private OperatorService operators;
    @Autowired
    private JdbcTemplate jdbc;

    @AfterEach
    void demoLoginsAsInTheOtherTests() {
        jdbc.update("UPDATE operator SET must_change_password = FALSE WHERE username IN (?, ?, ?, ?, ?, ?)",
                DemoSiteSeeder.DEMO_OPERATORS.toArray());
    }

    @Test
    void outside_the_demo_profile_demo_operators_on_the_demo_password_must_change_it() {
        startWithout("demo1234");

        assertThat(jdbc.queryForList("SELECT must_change_password FROM operator WHERE username IN (?, ?, ?, ?, ?, ?)",
                Boolean.class, DemoSiteSeeder.DEMO_OPERATORS.toArray())).hasSize(6).containsOnly(true);
        assertThat(jdbc.queryForList("SELECT target FROM audit_event WHERE action = 'OPERATOR_FORCE_PASSWORD_CHANGE'",
                String.class)).containsAll(DemoSiteSeeder.DEMO_OPERATORS);
        assertThat(jdbc.queryForObject("SELECT must_change_password FROM operator WHERE username = 'admin'",
                Boolean.class)).as("not a demo operator: untouched by this").isNotNull();
    }

    @Test
    void a_demo_operator_whose_password_is_no_longer_the_demo_one_is_left_alone() {
        startWithout("another-password-1");

        List<Boolean> flags = jdbc.queryForList("SELECT must_change_password FROM operator WHERE username IN "
                + "(?, ?, ?, ?, ?, ?)", Boolean.class, DemoSiteSeeder.DEMO_OPERATORS.toArray());
        assertThat(flags).hasSize(6).containsOnly(false);
    }

    /** The seeder's start step as a start without the demo profile runs it (park already there). */
    private void startWithout(String demoPassword) {
        new DemoSiteSeeder(archive, operators, new DemoProperties(false, true, "127.0.0.1", 27001, demoPassword))
                .run(null);
    }
}
