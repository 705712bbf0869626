package io.jichao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The Actuator endpoints the configuration exposes, over the real filter chains: {@code prometheus}
 * answers with the Prometheus text format for a super admin; it and {@code metrics} refuse anonymous
 * callers, wrong credentials and other roles; only {@code health} is public.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ActuatorEndpointsIT {

    @LocalServerPort
    private int port;

    @Autowired
    private WebApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private MockMvc mvc;

    @BeforeEach
    void mockMvcWithSecurity() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @Test
    void prometheus_endpoint_serves_metrics_to_a_super_admin() throws Exception {
        MvcResult result = mvc.perform(get("/actuator/prometheus").with(user("ops").roles(Role.SUPER_ADMIN_NAME)))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        assertThat(result.getResponse().getContentAsString())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("hikaricp_connections");
    }

    @Test
    void prometheus_and_metrics_endpoints_are_refused_to_other_roles() throws Exception {
        for (String endpoint : new String[] {"prometheus", "metrics"}) {
            MvcResult result = mvc.perform(get("/actuator/" + endpoint)
                    .with(user("clerk").roles(Role.RECHARGE_CLERK_NAME, Role.FINANCE_NAME, Role.MAINTAINER_NAME)))
                    .andReturn();

            assertThat(result.getResponse().getStatus()).as(endpoint).isEqualTo(403);
        }
    }

    @Test
    void prometheus_and_metrics_endpoints_are_closed_to_anonymous_callers_and_wrong_passwords() throws Exception {
        for (String endpoint : new String[] {"prometheus", "metrics"}) {
            HttpResponse<String> anonymous = send(request("/actuator/" + endpoint));
            HttpResponse<String> wrongPassword = send(request("/actuator/" + endpoint)
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("super:not-the-password".getBytes(StandardCharsets.UTF_8))));

            assertThat(anonymous.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(wrongPassword.statusCode()).as(endpoint).isEqualTo(401);
            assertThat(anonymous.body() + wrongPassword.body()).as(endpoint).doesNotContain("jvm_memory");
        }
    }

    @Test
    void health_endpoint_stays_public() throws Exception {
        HttpResponse<String> health = send(request("/actuator/health"));

        // 503 when a component (e.g. the tests' unreachable mail server) is down: still answered, not refused.
        assertThat(health.statusCode()).isIn(200, 503);
        assertThat(health.body()).contains("\"status\"");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
