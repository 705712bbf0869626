package io.jichao.kiosk;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.archive.Household;
import jakarta.persistence.EntityManager;

/**
 * Short-lived phone links to a resident's own view ({@code /kiosk/phone/<token>}), shown at the
 * kiosk as a QR code. The token is {@code <household>-<kiosk>-<expiry epoch s>.<HMAC-SHA256>}: nothing is
 * stored, the signature proves the kiosk issued it, and it opens nothing after its expiry or once
 * the kiosk is revoked.
 */
@Service
public class PhoneLinks {

    public static final String PATH = "kiosk/phone/";
    private static final Pattern TOKEN = Pattern.compile("(\\d{1,19})-(\\d{1,19})-(\\d{1,19})\\.([A-Za-z0-9_-]{43})");

    private final KioskDeviceService devices;
    private final EntityManager entityManager;
    private final KioskProperties properties;
    private final Clock clock;
    private final SecretKeySpec key;

    PhoneLinks(KioskDeviceService devices, EntityManager entityManager, KioskProperties properties, Clock clock) {
        this.devices = devices;
        this.entityManager = entityManager;
        this.properties = properties;
        this.clock = clock;
        byte[] secret;
        if (properties.phoneLinkSecret().isBlank()) {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        } else {
            secret = properties.phoneLinkSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A link token for the signed-in resident, valid for {@code phone-link-validity}. */
    public String issue(Resident resident) {
        return issue(resident, clock.instant().plus(properties.phoneLinkValidity()));
    }

    String issue(Resident resident, Instant expires) {
        String payload = resident.householdId() + "-" + resident.deviceId() + "-" + expires.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** The resident a token opens; empty when malformed, forged, expired or its kiosk is revoked. */
    @Transactional(readOnly = true)
    public Optional<Resident> open(String token) {
        Matcher matcher = token == null ? null : TOKEN.matcher(token);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        String payload = matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                matcher.group(4).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        Instant expires = Instant.ofEpochSecond(Long.parseLong(matcher.group(3)));
        if (!clock.instant().isBefore(expires)) {
            return Optional.empty();
        }
        long householdId = Long.parseLong(matcher.group(1));
        return devices.active(Long.parseLong(matcher.group(2))).flatMap(kiosk -> {
            Household household = entityManager.find(Household.class, householdId);
            if (household == null || household.getBuilding().getId() != kiosk.buildingId()) {
                return Optional.empty();
            }
            return Optional.of(new Resident(householdId, kiosk.deviceId(), kiosk.buildingId(), household.getRoom(),
                    household.getName(), expires));
        });
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
