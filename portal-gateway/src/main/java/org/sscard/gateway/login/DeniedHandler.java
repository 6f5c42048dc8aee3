package org.sscard.gateway.login;

import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.web.ErrorPages;
import org.sscard.gateway.web.GatewayError;
import reactor.core.publisher.Mono;

/**
 * 403 as a page or problem. A logout whose session (and so its CSRF token) already expired is not an attack worth
 * a warning: the person is simply shown the goodbye page.
 */
final class DeniedHandler implements ServerAccessDeniedHandler {

    private final ErrorPages errors;

    DeniedHandler(ErrorPages errors) {
        this.errors = errors;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        if (exchange.getRequest().getMethod() == HttpMethod.POST
                && "/logout"
                        .equals(exchange.getRequest()
                                .getPath()
                                .pathWithinApplication()
                                .value())) {
            return Mono.fromRunnable(() -> {
                exchange.getResponse().setStatusCode(HttpStatus.FOUND);
                exchange.getResponse().getHeaders().setLocation(URI.create("/logged-out"));
            });
        }
        return errors.write(exchange, GatewayError.FORBIDDEN, "this request is not allowed");
    }
}
