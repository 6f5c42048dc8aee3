package org.sscard.gateway.token;

import java.time.Clock;
import java.util.UUID;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.web.LoginExpiredException;
import reactor.core.publisher.Mono;

/**
 * The logged-in resident, from the session only: their opaque relay ID is the ID token's {@code sub}, their access
 * token the one auth-service gave this session. Nothing in a URL, header or form ever names the person.
 */
@Component
public class ResidentSession {

    static final String REGISTRATION = "sscard";

    private final ServerOAuth2AuthorizedClientRepository clients;
    private final Clock clock;

    ResidentSession(ServerOAuth2AuthorizedClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    public Mono<UUID> personId(ServerWebExchange exchange) {
        return login(exchange).map(login -> UUID.fromString(login.getName()));
    }

    /** The resident's current access token, or {@link LoginExpiredException}. */
    public Mono<OAuth2AccessToken> accessToken(ServerWebExchange exchange) {
        return login(exchange)
                .flatMap(login -> clients.<OAuth2AuthorizedClient>loadAuthorizedClient(REGISTRATION, login, exchange))
                .map(OAuth2AuthorizedClient::getAccessToken)
                .filter(token ->
                        token.getExpiresAt() == null || token.getExpiresAt().isAfter(clock.instant()))
                .switchIfEmpty(Mono.error(() -> new LoginExpiredException("the login's access token expired")));
    }

    private static Mono<OAuth2AuthenticationToken> login(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .ofType(OAuth2AuthenticationToken.class)
                .switchIfEmpty(Mono.error(() -> new LoginExpiredException("no card login in this session")));
    }
}
