package io.jichao.notify;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.security.core.userdetails.UserDetailsService;

import io.jichao.archive.BillingMode;
import io.jichao.archive.MeterDraft;
import io.jichao.archive.MeterProtocol;
import io.jichao.archive.MeterService;
import io.jichao.archive.Phase;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.LoginSupport;

/** Meters with households and numbers of the notify tests' own; all test classes share one database. */
public final class NotifyFixtures {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    static final String RUN = String.valueOf(Math.floorMod(UUID.randomUUID().hashCode(), 90_000) + 10_000);

    private final MeterService meters;
    private final SiteStructureService structure;
    private final UserDetailsService users;

    public NotifyFixtures(MeterService meters, SiteStructureService structure, UserDetailsService users) {
        this.meters = meters;
        this.structure = structure;
        this.users = users;
    }

    /**
     * Moves every queued message far into the future (TIMESTAMP ends in 2038), so a dispatch round a test runs next sees only
     * the messages that test queues (all test classes share one outbox).
     */
    public static void parkQueuedMessages(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        jdbc.update("UPDATE notification SET next_attempt_at = '2037-12-31 00:00:00' WHERE state = 'QUEUED'");
    }

    /** A number no other test uses. */
    public static String phone() {
        return "139" + RUN + String.format("%03d", SEQUENCE.incrementAndGet());
    }

    public static String key(String prefix) {
        return prefix + ":" + UUID.randomUUID();
    }

    public long buildingId(String code) {
        LoginSupport.loginAs(users, "super");
        try {
            return structure.buildings().stream().filter(b -> b.code().equals(code)).findFirst().orElseThrow().id();
        } finally {
            LoginSupport.logout();
        }
    }

    /** A new meter in building {@code code} whose household has these numbers. */
    public long meterWithPhones(String code, List<String> phones) {
        long buildingId = buildingId(code);
        LoginSupport.loginAs(users, "super");
        try {
            int n = SEQUENCE.incrementAndGet();
            String address = "66" + RUN + String.format("%05d", n);
            return meters.create(new MeterDraft(address, null, MeterProtocol.DLT645_2007, Phase.SINGLE, BillingMode.PREPAID,
                    buildingId, null, null, null, 1, 1, new BigDecimal("10"), null, null, "N" + RUN + "-" + n,
                    "Notify test " + n, phones));
        } finally {
            LoginSupport.logout();
        }
    }

    /** Properties for a test: no quiet hours unless given, short back-off, generous limits. */
    static SmsProperties properties(int perNumberPerHour, LocalTime quietStart, LocalTime quietEnd) {
        return new SmsProperties("log", "zh-CN", 3, Duration.ofSeconds(10), Duration.ofMinutes(1), perNumberPerHour,
                Duration.ofHours(6), quietStart, quietEnd, ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(15), 500,
                Duration.ofMinutes(10), new SmsProperties.Smpp("127.0.0.1", 2775, "jichao", "", "", "10690000",
                Duration.ofSeconds(3)), new SmsProperties.Http("http://127.0.0.1:1/sms", "", Duration.ofSeconds(3)));
    }

    static SmsProperties properties() {
        return properties(100, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    }
}
