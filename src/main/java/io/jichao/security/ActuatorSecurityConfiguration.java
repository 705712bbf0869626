package io.jichao.security;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Actuator's own filter chain, ahead of the application's (whose Vaadin rules deny every path
 * they do not know, so without this {@code metrics} and {@code prometheus} answered nobody).
 * {@code health} stays public for load balancers; every other exposed endpoint ({@code info},
 * {@code metrics}, {@code prometheus}) needs a super admin, by HTTP Basic so a Prometheus server
 * can scrape without a browser login. Stateless, and without CSRF tokens: the exposed endpoints
 * only read.
 */
@Configuration
class ActuatorSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http) throws Exception {
        // Status set directly, not by sendError: an error dispatch to /error would pass the Vaadin
        // chain, which answers an anonymous caller with a redirect to the login page.
        AuthenticationEntryPoint challenge = (request, response, refused) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Jichao Actuator\"");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        };
        AccessDeniedHandler forbidden = (request, response, denied) ->
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole(Role.SUPER_ADMIN_NAME))
                .httpBasic(basic -> basic.authenticationEntryPoint(challenge))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(challenge)
                        .accessDeniedHandler(forbidden))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
