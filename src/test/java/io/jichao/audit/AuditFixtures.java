package io.jichao.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** Audit rows at chosen instants, each test's rows told apart by a target marker of its own. */
public final class AuditFixtures {

    // Hibernate writes instants as UTC wall time (hibernate.jdbc.time_zone: UTC); these rows match.
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private AuditFixtures() {
    }

    /** A fresh marker to put into targets, so filters on it see only this test's rows. */
    public static String marker() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void insert(JdbcTemplate jdbc, Instant at, String operator, String action, String target,
                              String details, AuditEvent.Outcome outcome) {
        jdbc.update("INSERT INTO audit_event (occurred_at, operator_username, action, target, details, outcome) "
                + "VALUES (?, ?, ?, ?, ?, ?)", UTC.format(at), operator, action, target, details, outcome.name());
    }
}
