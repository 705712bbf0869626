package io.jichao.prepaid;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * This site's identity and signing key for handheld files. A configured secret wins; otherwise a
 * random 256-bit key is generated once and kept in {@code handheld_site} ({@code INSERT IGNORE},
 * so two first uses at once agree on one key).
 */
@Component
class HandheldKeys {

    /** A site's id and key. */
    record SiteKey(String siteId, byte[] secret) {
    }

    private final JdbcTemplate jdbc;
    private final HandheldProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    HandheldKeys(JdbcTemplate jdbc, HandheldProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    SiteKey current() {
        byte[] generated = new byte[32];
        random.nextBytes(generated);
        jdbc.update("INSERT IGNORE INTO handheld_site (id, site_id, secret, created_at) VALUES (1, ?, ?, ?)",
                UUID.randomUUID().toString(), HexFormat.of().formatHex(generated), Timestamp.from(clock.instant()));
        Map<String, Object> stored = jdbc.queryForMap("SELECT site_id, secret FROM handheld_site WHERE id = 1");
        String siteId = blank(properties.siteId()) ? (String) stored.get("site_id") : properties.siteId().strip();
        byte[] secret = blank(properties.secret())
                ? HexFormat.of().parseHex((String) stored.get("secret"))
                : properties.secret().getBytes(StandardCharsets.UTF_8);
        return new SiteKey(siteId, secret);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
