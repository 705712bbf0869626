package io.jichao.notify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery receipts from the HTTP gateway: {@code POST /api/sms/receipts} with
 * {@code {"messageId":"gw-77","status":"DELIVERED"}}, signed like the messages
 * ({@code X-Jichao-Signature: sha256=<hex HMAC-SHA256 of the body>}, same shared secret). Status
 * DELIVERED marks the message delivered; FAILED, UNDELIVERED, EXPIRED or REJECTED marks it failed.
 * Without a configured secret the endpoint answers 404; a wrong signature 403. No login: the
 * signature is the authentication ({@link SmsReceiptSecurity}).
 */
@RestController
class HttpSmsReceiptEndpoint {

    static final String PATH = "/api/sms/receipts";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"\\\\]{1,100})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]{1,20})\"");
    private static final Set<String> FAILED = Set.of("FAILED", "UNDELIVERED", "EXPIRED", "REJECTED");

    private final SmsProperties properties;
    private final SmsReceipts receipts;

    HttpSmsReceiptEndpoint(SmsProperties properties, SmsReceipts receipts) {
        this.properties = properties;
        this.receipts = receipts;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receipt(@RequestHeader(name = HttpSmsSender.SIGNATURE_HEADER, required = false) String signature,
                                 @RequestBody byte[] body) {
        String secret = properties.http().secret();
        if (secret == null || secret.isBlank()) {
            return ResponseEntity.notFound().build();
        }
        byte[] expected = ("sha256=" + HttpSmsSender.sign(secret, body)).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return ResponseEntity.status(403).build();
        }
        String json = new String(body, StandardCharsets.UTF_8);
        Matcher id = MESSAGE_ID.matcher(json);
        Matcher status = STATUS.matcher(json);
        if (!id.find() || !status.find() || !(status.group(1).equals("DELIVERED") || FAILED.contains(status.group(1)))) {
            return ResponseEntity.badRequest().build();
        }
        receipts.received(id.group(1), status.group(1), status.group(1).equals("DELIVERED"), json);
        return ResponseEntity.noContent().build();
    }
}
