package io.jichao.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
 * The Actuator endpoints the configuration exposes: {@code prometheus} answers with the
 * Prometheus text format for a signed-in operator, and like {@code metrics} it is closed to
 * anonymous callers over real HTTP; only {@code health} is public.
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
    void prometheus_endpoint_serves_metrics_to_a_signed_in_operator() throws Exception {
        MvcResult result = mvc.perform(get("/actuator/prometheus").with(user("finance"))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).startsWith("text/plain");
        assertThat(result.getResponse().getContentAsString())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("hikaricp_connections");
    }

    @Test
    void prometheus_and_metrics_endpoints_are_closed_to_anonymous_callers() throws Exception {
        for (String endpoint : new String[] {"prometheus", "metrics"}) {
            HttpResponse<String> response = anonymousGet("/actuator/" + endpoint);

            assertThat(response.statusCode()).as(endpoint).isNotEqualTo(200);
            assertThat(response.body()).as(endpoint).doesNotContain("jvm_memory");
        }
    }

    @Test
    void health_endpoint_stays_public() throws Exception {
        assertThat(anonymousGet("/actuator/health").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> anonymousGet(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
