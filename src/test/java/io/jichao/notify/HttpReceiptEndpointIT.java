package io.jichao.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import io.jichao.archive.MeterService;
import io.jichao.archive.SiteStructureService;
import io.jichao.testing.JichaoSpringTest;

/** A message sent through the HTTP gateway, then delivered by the gateway's signed receipt callback. */
@JichaoSpringTest
class HttpReceiptEndpointIT {

    private static final String SECRET = "test-receipt-secret";

    @Autowired
    private WebApplicationContext context;
    @Autowired
    private NotificationService notifications;
    @Autowired
    private Outbox outbox;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterService meters;
    @Autowired
    private SiteStructureService structure;
    @Autowired
    private UserDetailsService users;

    private MockMvc mvc;
    private HttpServer gateway;
    private final String gatewayId = "gw-" + UUID.randomUUID();

    @BeforeEach
    void setUp() throws IOException {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.createContext("/sms", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = ("{\"messageId\":\"" + gatewayId + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
        NotifyFixtures.parkQueuedMessages(jdbc);
    }

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void a_signed_receipt_marks_the_message_delivered_and_a_forged_one_is_refused() throws Exception {
        long meterId = new NotifyFixtures(meters, structure, users).meterWithPhones("A", List.of(NotifyFixtures.phone()));
        long id = notifications.toHousehold(meterId, "sms.recharge.confirmed",
                Map.of("amount", "1.00", "kwh", "1.25", "remaining", "3.00"), NotifyFixtures.key("http")).getFirst();
        HttpSmsSender sender = new HttpSmsSender(new SmsProperties.Http(
                "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms", SECRET, Duration.ofSeconds(3)));
        new OutboxDispatcher(outbox, NotifyFixtures.properties(), transactions, new TestClock(Instant.now().plusSeconds(1)))
                .dispatch(sender);
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(NotificationState.SENT);
        assertThat(outbox.find(id).orElseThrow().messageId()).isEqualTo(gatewayId);

        byte[] body = ("{\"messageId\":\"" + gatewayId + "\",\"status\":\"DELIVERED\"}").getBytes(StandardCharsets.UTF_8);
        mvc.perform(post(HttpSmsReceiptEndpoint.PATH).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpSmsSender.SIGNATURE_HEADER, "sha256=" + HttpSmsSender.sign("wrong", body)))
                .andExpect(status().isForbidden());
        assertThat(outbox.find(id).orElseThrow().state()).isEqualTo(NotificationState.SENT);

        mvc.perform(post(HttpSmsReceiptEndpoint.PATH).contentType(MediaType.APPLICATION_JSON).content(body)
                        .header(HttpSmsSender.SIGNATURE_HEADER, "sha256=" + HttpSmsSender.sign(SECRET, body)))
                .andExpect(status().isNoContent());
        NotificationView delivered = outbox.find(id).orElseThrow();
        assertThat(delivered.state()).isEqualTo(NotificationState.DELIVERED);
        assertThat(delivered.receipt()).startsWith("DELIVERED");
    }

    @Test
    void a_receipt_without_signature_or_with_an_unknown_status_is_refused() throws Exception {
        byte[] body = "{\"messageId\":\"gw-x\",\"status\":\"DELIVERED\"}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post(HttpSmsReceiptEndpoint.PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        byte[] odd = "{\"messageId\":\"gw-x\",\"status\":\"MAYBE\"}".getBytes(StandardCharsets.UTF_8);
        mvc.perform(post(HttpSmsReceiptEndpoint.PATH).contentType(MediaType.APPLICATION_JSON).content(odd)
                        .header(HttpSmsSender.SIGNATURE_HEADER, "sha256=" + HttpSmsSender.sign(SECRET, odd)))
                .andExpect(status().isBadRequest());
    }
}
