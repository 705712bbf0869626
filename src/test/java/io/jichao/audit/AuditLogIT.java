package io.jichao.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.audit.AuditEvent.Outcome;
import io.jichao.shared.DomainException;
import io.jichao.shared.ui.Languages;
import io.jichao.testing.JichaoSpringTest;
import io.jichao.testing.LoginSupport;

@JichaoSpringTest
class AuditLogIT {

    // 2026-03-01 23:59:59 and 2026-03-02 00:00:00 in Asia/Shanghai: one day apart for people.
    private static final Instant LATE_ON_MARCH_1 = Instant.parse("2026-03-01T15:59:59Z");
    private static final Instant MIDNIGHT_MARCH_2 = Instant.parse("2026-03-01T16:00:00Z");

    @Autowired
    private AuditLog log;
    @Autowired
    private AuditExportService exports;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private UserDetailsService users;

    private String marker;

    @BeforeEach
    void rowsOfThisTest() {
        marker = AuditFixtures.marker();
        AuditFixtures.insert(jdbc, LATE_ON_MARCH_1, "clerk", "RECHARGE_PLACE", "meter 1 " + marker,
                "order 7 100 yuan", Outcome.SUCCESS);
        AuditFixtures.insert(jdbc, MIDNIGHT_MARCH_2, "maint", "RELAY_TRIP", "meter 2 " + marker,
                "tripped", Outcome.SUCCESS);
        AuditFixtures.insert(jdbc, MIDNIGHT_MARCH_2.plusSeconds(60), "finance", "REFUND_APPROVE",
                "meter 1 " + marker, "refund 3", Outcome.SUCCESS);
        AuditFixtures.insert(jdbc, MIDNIGHT_MARCH_2.plusSeconds(120), "super", "OPERATOR_CREATE",
                "operator x " + marker, null, Outcome.SUCCESS);
        AuditFixtures.insert(jdbc, MIDNIGHT_MARCH_2.plusSeconds(180), "clerk", "EMERGENCY_CREDIT_TAKE",
                "meter 3 " + marker, "error.emergency.owed", Outcome.REFUSED);
    }

    @AfterEach
    void logout() {
        LoginSupport.logout();
    }

    @Test
    void super_admin_reads_every_action_newest_first() {
        LoginSupport.loginAs(users, "super");

        List<AuditEvent> rows = log.page(mine(), 0, 50);

        assertThat(rows).extracting(AuditEvent::getAction).containsExactly("EMERGENCY_CREDIT_TAKE",
                "OPERATOR_CREATE", "REFUND_APPROVE", "RELAY_TRIP", "RECHARGE_PLACE");
        assertThat(log.count(mine())).isEqualTo(5);
        assertThat(log.moneyOnly()).isFalse();
        assertThat(log.actions()).contains("RELAY_TRIP", "OPERATOR_CREATE", "RECHARGE_PLACE");
    }

    @Test
    void filters_narrow_by_operator_action_target_text_and_shanghai_day() {
        LoginSupport.loginAs(users, "super");

        assertThat(actions(new AuditFilter("CLER", null, marker, null, null)))
                .containsExactly("EMERGENCY_CREDIT_TAKE", "RECHARGE_PLACE");
        assertThat(actions(new AuditFilter(null, "RELAY_TRIP", marker, null, null))).containsExactly("RELAY_TRIP");
        assertThat(actions(new AuditFilter(null, null, "METER 1 " + marker, null, null)))
                .containsExactly("REFUND_APPROVE", "RECHARGE_PLACE");
        LocalDate march1 = LocalDate.of(2026, 3, 1);
        assertThat(actions(new AuditFilter(null, null, marker, march1, march1))).containsExactly("RECHARGE_PLACE");
        assertThat(actions(new AuditFilter(null, null, marker, march1.plusDays(1), null))).hasSize(4)
                .doesNotContain("RECHARGE_PLACE");
    }

    @Test
    void typed_wildcards_are_matched_literally() {
        LoginSupport.loginAs(users, "super");

        assertThat(log.count(new AuditFilter(null, null, "meter _ " + marker, null, null))).isZero();
        assertThat(log.count(new AuditFilter("%", null, marker, null, null))).isZero();
    }

    @Test
    void pages_follow_each_other_without_gaps_or_repeats() {
        LoginSupport.loginAs(users, "super");
        for (int i = 0; i < 20; i++) {
            AuditFixtures.insert(jdbc, MIDNIGHT_MARCH_2.plusSeconds(1000 + i), "super", "METER_UPDATE",
                    "paged " + marker, "#" + i, Outcome.SUCCESS);
        }
        AuditFilter paged = new AuditFilter(null, null, "paged " + marker, null, null);

        List<String> read = new ArrayList<>();
        for (int offset = 0; offset < 20; offset += 7) {
            log.page(paged, offset, 7).forEach(event -> read.add(event.getDetails()));
        }

        List<String> expected = new ArrayList<>();
        for (int i = 19; i >= 0; i--) {
            expected.add("#" + i);
        }
        assertThat(read).containsExactlyElementsOf(expected);
        assertThat(log.page(paged, 20, 7)).isEmpty();
    }

    @Test
    void finance_reads_only_money_actions() {
        LoginSupport.loginAs(users, "finance");

        assertThat(actions(mine())).containsExactly("EMERGENCY_CREDIT_TAKE", "REFUND_APPROVE", "RECHARGE_PLACE");
        assertThat(log.count(mine())).isEqualTo(3);
        assertThat(log.count(new AuditFilter(null, "RELAY_TRIP", marker, null, null))).isZero();
        assertThat(log.moneyOnly()).isTrue();
        assertThat(log.actions()).allMatch(MoneyActions::isMoney).contains("RECHARGE_PLACE", "REFUND_APPROVE");
    }

    @Test
    void finance_exports_only_money_actions() throws IOException {
        LoginSupport.loginAs(users, "finance");

        byte[] xlsx = exports.xlsx(mine(), Languages.ENGLISH);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("EMERGENCY_CREDIT_TAKE");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Refused");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("2026-03-01 23:59:59");
        }
    }

    @Test
    void a_recharge_clerk_is_refused() {
        LoginSupport.loginAs(users, "clerk");

        assertThatThrownBy(() -> log.page(mine(), 0, 50)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.permission.denied");
        assertThatThrownBy(() -> log.count(mine())).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> log.actions()).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> exports.xlsx(mine(), Languages.ENGLISH)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_maintainer_and_nobody_logged_in_are_refused() {
        LoginSupport.loginAs(users, "maint");
        assertThatThrownBy(() -> log.count(mine())).isInstanceOf(DomainException.class);
        LoginSupport.logout();
        assertThatThrownBy(() -> log.count(mine())).isInstanceOf(DomainException.class);
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        assertThatThrownBy(() -> new AuditFilter(null, null, null, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("error.audit.period");
    }

    private AuditFilter mine() {
        return new AuditFilter(null, null, marker, null, null);
    }

    private List<String> actions(AuditFilter filter) {
        return log.page(filter, 0, 50).stream().map(AuditEvent::getAction).toList();
    }
}
