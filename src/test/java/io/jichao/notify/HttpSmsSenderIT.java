package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP gateway sender against a JDK HTTP server on loopback. */
class HttpSmsSenderIT {

    private static final String SECRET = "s3cret-shared";

    private record Request(String body, String signature, String contentType) {
    }

    private HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void gateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(body, exchange.getRequestHeaders().getFirst(HttpSmsSender.SIGNATURE_HEADER),
                    exchange.getRequestHeaders().getFirst("Content-Type")));
            byte[] answer = "{\"messageId\":\"gw-77\",\"status\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void a_message_is_posted_as_json_signed_with_hmac_sha256_of_the_body() throws Exception {
        SmsSender.Sent sent = sender().send(new SmsSender.Sms(42, "13800000000", "【集抄】充值成功：\"8.00\"元"));

        assertThat(sent.messageId()).isEqualTo("gw-77");
        assertThat(sent.delivered()).isFalse();
        Request request = requests.getFirst();
        assertThat(request.body()).isEqualTo("{\"id\":\"42\",\"to\":\"13800000000\",\"text\":\"【集抄】充值成功：\\\"8.00\\\"元\"}");
        assertThat(request.contentType()).startsWith("application/json");
        // Computed independently of the sender: HMAC-SHA256 over the exact body bytes.
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = java.util.HexFormat.of().formatHex(mac.doFinal(request.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(request.signature()).isEqualTo("sha256=" + expected);
    }

    @Test
    void an_answer_other_than_2xx_is_a_failed_attempt() {
        status.set(503);
        assertThatThrownBy(() -> sender().send(new SmsSender.Sms(43, "13800000000", "x")))
                .isInstanceOf(SmsSender.SmsSendException.class).hasMessageContaining("503");
    }

    @Test
    void an_unreachable_gateway_is_a_failed_attempt() {
        server.stop(0);
        assertThatThrownBy(() -> sender().send(new SmsSender.Sms(44, "13800000000", "x")))
                .isInstanceOf(SmsSender.SmsSendException.class).hasMessageContaining("not reached");
    }

    private HttpSmsSender sender() {
        return new HttpSmsSender(new SmsProperties.Http("http://127.0.0.1:" + server.getAddress().getPort() + "/sms",
                SECRET, Duration.ofSeconds(3)));
    }
}
