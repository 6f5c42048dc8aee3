package org.sscard.adapters.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.sscard.adapters.config.DataDirectory;
import org.sscard.adapters.provider.Providers;
import org.sscard.common.security.ServiceTokenChain;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceTokenVerification;
import org.sscard.common.token.TokenProperties;
import org.sscard.common.web.CommonError;
import org.sscard.common.web.Problems;

/**
 * The one security flow: every page and API of a provider ({@code /<key>/...}) needs a bearer token from the
 * platform issuer addressed to that provider (the gateway adds it); no identity is taken from any other header;
 * nothing is anonymous but health, the API description and the stylesheet; anything else is denied; controller
 * methods name their own authority. A refusal is a problem detail for APIs and a readable page for people.
 */
@Configuration
@ConditionalOnWebApplication
@EnableMethodSecurity
@EnableConfigurationProperties(TokenProperties.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain adaptersSecurity(
            HttpSecurity http,
            Providers providers,
            TokenProperties tokens,
            DataDirectory dataDirectory,
            ObjectMapper json)
            throws Exception {
        ProviderTokens verification = new ProviderTokens(
                providers, tokens, () -> PlatformTrust.sslContext(PlatformTrust.caRoot(dataDirectory.dataDir())));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(ServiceTokenChain.HEALTH)
                        .permitAll()
                        .requestMatchers(ServiceTokenChain.API_DESCRIPTION)
                        .permitAll()
                        .requestMatchers("/*/assets/**", "/error")
                        .permitAll()
                        .requestMatchers("/*/api/v1/imports/**")
                        .hasAuthority(Authority.IMPORT.name())
                        // the insurer's administrator reviews; the insured person answers (their own token only)
                        .requestMatchers("/*/api/v1/dependant-verifications", "/*/api/v1/dependant-verifications/**")
                        .hasAuthority(Authority.DEPENDANTS_REVIEW.name())
                        .requestMatchers("/*/api/v1/dependant-verification")
                        .hasAuthority(Authority.DEPENDANTS_ANSWER.name())
                        // the insurer's administrator: its members, joiners and leavers, and what the relay told it
                        .requestMatchers(HttpMethod.GET, "/*/api/v1/members")
                        .hasAuthority(Authority.MEMBER_LIST.name())
                        .requestMatchers(HttpMethod.POST, "/*/api/v1/members", "/*/api/v1/members/*/loss")
                        .hasAuthority(Authority.MEMBER_REGISTER.name())
                        .requestMatchers("/*/api/v1/members", "/*/api/v1/members/**")
                        .denyAll()
                        .requestMatchers("/*/api/v1/linkage/**")
                        .hasAuthority(Authority.LINKAGE_READ.name())
                        // a reception desk's token: this one API and no page (the method says who else may)
                        .requestMatchers(HttpMethod.GET, "/*/api/v1/eligibility")
                        .hasAnyAuthority(Authority.PERSON_READ.name(), Authority.ELIGIBILITY_READ.name())
                        .requestMatchers("/*/**")
                        .hasAuthority(Authority.PERSON_READ.name())
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(verification)
                        .authenticationEntryPoint(refused(json)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refused(json))
                        .accessDeniedHandler((request, response, e) -> {
                            if (wantsPage(request)) {
                                page(response, 403, "この情報は表示できません", "You may not see this.");
                            } else {
                                Problems.write(
                                        response,
                                        json,
                                        CommonError.FORBIDDEN,
                                        "this caller may not do this at this provider");
                            }
                        }))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // bearer tokens only, no cookies: CSRF does not apply
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    private static AuthenticationEntryPoint refused(ObjectMapper json) {
        AuthenticationEntryPoint problem = ServiceTokenVerification.entryPoint(
                json, "present a bearer token from the platform's token issuer addressed to this provider");
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            if (wantsPage(request)) {
                challenge.commence(request, response, e);
                page(response, 401, "ログインが必要です。マイポータルから開いてください。", "Please log in: open this page from My Portal.");
            } else {
                problem.commence(request, response, e);
            }
        };
    }

    private static boolean wantsPage(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return !request.getRequestURI().contains("/api/") && accept != null && accept.contains("text/html");
    }

    private static void page(HttpServletResponse response, int status, String ja, String en) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                        + "<title>" + status
                        + "</title><link rel=\"stylesheet\" href=\"assets/site.css\"></head><body><main>"
                        + "<h1>" + ja + "</h1><p lang=\"en\">" + en + "</p></main></body></html>");
    }
}
