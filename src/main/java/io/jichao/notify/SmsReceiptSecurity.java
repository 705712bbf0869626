package io.jichao.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The gateway's receipt callback is called by a machine without a login or CSRF token; its HMAC
 * signature (checked by {@link HttpSmsReceiptEndpoint}) is what authenticates it. This chain
 * matches that one path only and comes before the application's (Vaadin) chain.
 */
@Configuration(proxyBeanMethods = false)
class SmsReceiptSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain smsReceiptChain(HttpSecurity http) throws Exception {
        http.securityMatcher(HttpSmsReceiptEndpoint.PATH)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
