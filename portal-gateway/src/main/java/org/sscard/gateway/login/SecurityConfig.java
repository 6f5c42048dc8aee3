package org.sscard.gateway.login;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseCookie;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.web.ErrorPages;
import reactor.core.publisher.Mono;

/**
 * Deny by default: every page and every proxied path needs a resident's card login (authority {@code RESIDENT},
 * from the ID token's {@code login_profile}); only the login and goodbye pages, static assets (the gateway's and
 * the providers' {@code /p/<key>/assets/}) and health are open. Proxied responses run in a CSP sandbox
 * ({@link ProxiedPageHeaders}): an opaque origin, so one provider's script cannot use the session elsewhere.
 * The gateway's own forms carry its CSRF token; {@code /p/**} is left to each provider's own CSRF protection (the
 * provider's forms cannot know the gateway's token), while the session cookie's SameSite=Lax keeps cross-site
 * posts from carrying the session at all. A login gets a new session ID (the reactive security context repository
 * changes it when it saves the login); a logout invalidates the whole session — the resident's tokens and the
 * pairwise tokens with it — so that the next person at a kiosk starts with nothing of theirs.
 */
@Configuration
@EnableWebFluxSecurity
class SecurityConfig {

    /**
     * No observation wrappers around the security filters, the authentication and the authorization: they cost a
     * share of every request's CPU (bench/login, bench/relay-lookup, bench/gateway) and nothing reads them. The
     * request metrics themselves stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    static final String RESIDENT = "RESIDENT";

    /**
     * The proxied services, {@code /p/**}: the same rule as everywhere (a resident's card login, from the session),
     * the same refusals and headers, but only the filters a proxied request needs. The login, logout and CSRF
     * filters of the portal's own pages are not on this path: the login happens at {@code /oauth2/**} and
     * {@code /login/**}, logout at {@code /logout}, and each provider checks its own forms' CSRF token. This chain
     * runs first and only for {@code /p/**}; everything else falls through to {@link #portalSecurity}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain proxiedServicesSecurity(ServerHttpSecurity http, ErrorPages errors) {
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/p/**"))
                .securityContextRepository(new WebSessionServerSecurityContextRepository())
                .authorizeExchange(exchanges -> exchanges
                        // a provider's public stylesheets and images (its <base>/assets/): its sandboxed page loads
                        // them without the session (cross-site for the browser); the gateway asks without a token
                        .pathMatchers(HttpMethod.GET, "/p/*/assets/**")
                        .permitAll()
                        .anyExchange()
                        .hasAuthority(RESIDENT))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new LoginEntryPoint(errors))
                        .accessDeniedHandler(new DeniedHandler(errors)))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(headers -> headers.frameOptions(
                                frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .writer(new ProxiedPageHeaders()))
                .build();
    }

    @Bean
    SecurityWebFilterChain portalSecurity(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository clients,
            ErrorPages errors,
            OwnPageHeaders ownPageHeaders) {
        OidcClientInitiatedServerLogoutSuccessHandler logout =
                new OidcClientInitiatedServerLogoutSuccessHandler(clients);
        logout.setPostLogoutRedirectUri("{baseUrl}/logged-out");
        logout.setLogoutSuccessUrl(URI.create("/logged-out"));
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(
                                HttpMethod.GET,
                                "/login",
                                "/logged-out",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/actuator/info")
                        .permitAll()
                        .anyExchange()
                        .hasAuthority(RESIDENT))
                .oauth2Login(login -> login.loginPage("/login"))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new LoginEntryPoint(errors))
                        .accessDeniedHandler(new DeniedHandler(errors)))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfig::ownUnsafeRequest))
                .logout(out -> out.logoutUrl("/logout")
                        .logoutHandler(new DelegatingServerLogoutHandler(
                                new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler(),
                                SecurityConfig::forgetLanguage))
                        .logoutSuccessHandler(logout))
                .headers(headers -> headers.frameOptions(
                                frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .writer(ownPageHeaders))
                .build();
    }

    /** A kiosk's next person starts in Japanese again (the goodbye page shows both languages). */
    private static Mono<Void> forgetLanguage(WebFilterExchange exchange, Authentication authentication) {
        exchange.getExchange()
                .getResponse()
                .addCookie(ResponseCookie.from("SSCARD_LANG", "")
                        .path("/")
                        .maxAge(0)
                        .secure(true)
                        .httpOnly(true)
                        .sameSite("Lax")
                        .build());
        return Mono.empty();
    }

    /** {@code RESIDENT} only for an ID token from a resident card login; a staff card gets nothing here. */
    @Bean
    GrantedAuthoritiesMapper residentAuthority() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc
                        && "resident".equals(oidc.getIdToken().getClaimAsString("login_profile"))) {
                    mapped.add(new SimpleGrantedAuthority(RESIDENT));
                }
            }
            return mapped;
        };
    }

    /** The gateway's own state-changing requests; proxied ones carry the provider's own CSRF token instead. */
    static Mono<ServerWebExchangeMatcher.MatchResult> ownUnsafeRequest(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = method == HttpMethod.GET
                || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        boolean proxied =
                exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/p/");
        return safe || proxied
                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                : ServerWebExchangeMatcher.MatchResult.match();
    }
}
