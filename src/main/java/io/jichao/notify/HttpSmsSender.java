package io.jichao.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A configurable HTTP gateway: one JSON POST per message,
 * {@code {"id":"42","to":"13800000000","text":"..."}} (UTF-8), signed with header
 * {@code X-Jichao-Signature: sha256=<hex HMAC-SHA256 of the exact body bytes with the shared secret>}.
 * Any 2xx answer means accepted; a {@code "messageId"} string in its JSON body is kept.
 * The message id of the outbox row is the gateway's idempotency key: a retry carries the same id.
 */
class HttpSmsSender implements SmsSender {

    static final String SIGNATURE_HEADER = "X-Jichao-Signature";
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]{1,100})\"");

    private final SmsProperties.Http config;
    private final HttpClient client;

    HttpSmsSender(SmsProperties.Http config) {
        this.config = config;
        this.client = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    @Override
    public Sent send(Sms sms) throws SmsSendException {
        String body = "{\"id\":\"" + sms.id() + "\",\"to\":" + json(sms.phone()) + ",\"text\":" + json(sms.body()) + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header(SIGNATURE_HEADER, "sha256=" + sign(config.secret(), bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Retried even when the request may have arrived: the body's id lets the gateway drop a repeat.
            throw new SmsSendException("HTTP gateway not reached: " + e, e, Failure.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsSendException("interrupted", e, Failure.UNREACHABLE);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SmsSendException("HTTP gateway answered " + response.statusCode());
        }
        Matcher id = MESSAGE_ID.matcher(response.body());
        return new Sent(id.find() ? id.group(1) : null, false);
    }

    /** Hex HMAC-SHA256 of {@code body} with {@code secret} (UTF-8). */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
