package org.sscard.auth.login;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The card-login connector's one flow, top to bottom: every request arriving on its port is handled here; only
 * {@code GET /login/card/{profile}} is served (the certificate was demanded in the handshake, the controller checks
 * it); everything else on this port is denied. No request is saved here, so nothing on this port can replace the
 * authorization request waiting in the session.
 */
@Configuration
class CardLoginSecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain cardLoginSecurity(HttpSecurity http, CardLoginProperties properties) throws Exception {
        http.securityMatcher(request -> request.getLocalPort() == properties.port())
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/login/card/*")
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .requestCache(cache -> cache.requestCache(new NullRequestCache()));
        return http.build();
    }
}
