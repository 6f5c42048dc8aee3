package org.sscard.gateway.login;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.web.ErrorPages;
import org.sscard.gateway.web.GatewayError;
import reactor.core.publisher.Mono;

/**
 * No session: a person goes to the login page (the page asked for is remembered, so the login returns there); an
 * API or JSON request gets a 401 problem instead of a page it cannot show.
 */
final class LoginEntryPoint implements ServerAuthenticationEntryPoint {

    private final ErrorPages errors;
    private final ServerRequestCache requests = new WebSessionServerRequestCache();

    LoginEntryPoint(ErrorPages errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        if (ErrorPages.wantsJson(exchange.getRequest())) {
            return errors.write(exchange, GatewayError.UNAUTHENTICATED, "log in with your card at the portal first");
        }
        return requests.saveRequest(exchange).then(Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create("/login"));
        }));
    }
}
