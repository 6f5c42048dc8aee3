package org.sscard.gateway.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/** Ahead of Boot's handler: every exception becomes {@link ErrorPages}' page or problem, never a stack trace. */
@Component
@Order(-2)
class GatewayErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    private final ErrorPages pages;
    private final ServerRequestCache requests = new WebSessionServerRequestCache();

    GatewayErrorHandler(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof LoginExpiredException) {
            return renewLogin(exchange);
        }
        if (failure instanceof GatewayException e) {
            log.info(
                    "{} {}: {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    e.error(),
                    e.getMessage());
            return pages.write(exchange, e.error(), e.getMessage());
        }
        if (failure instanceof ResponseStatusException e) {
            GatewayError error = switch (e.getStatusCode().value()) {
                case 404 -> GatewayError.NOT_FOUND;
                case 401 -> GatewayError.UNAUTHENTICATED;
                case 403 -> GatewayError.FORBIDDEN;
                case 400, 405, 406, 413, 415 -> GatewayError.MALFORMED_REQUEST;
                default -> GatewayError.INTERNAL;
            };
            if (error != GatewayError.INTERNAL) {
                return pages.write(exchange, error, error.title());
            }
        }
        if (failure instanceof org.springframework.security.access.AccessDeniedException) {
            return pages.write(exchange, GatewayError.FORBIDDEN, "this request is not allowed");
        }
        log.error(
                "{} {} failed",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                failure);
        return pages.write(exchange, GatewayError.INTERNAL, "the portal could not answer this request");
    }

    /**
     * A page goes back through auth-service's authorize endpoint (and returns here): while the resident's session
     * there lasts, this needs no card; an API call is told to log in again.
     */
    private Mono<Void> renewLogin(ServerWebExchange exchange) {
        if (exchange.getRequest().getMethod() != HttpMethod.GET
                || ErrorPages.wantsJson(exchange.getRequest())
                || exchange.getResponse().isCommitted()) {
            return pages.write(exchange, GatewayError.UNAUTHENTICATED, "the login expired; log in again");
        }
        return requests.saveRequest(exchange).then(Mono.fromRunnable(() -> {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create("/oauth2/authorization/sscard"));
        }));
    }
}
