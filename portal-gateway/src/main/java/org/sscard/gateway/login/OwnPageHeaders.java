package org.sscard.gateway.login;

import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.config.PortalProperties;
import reactor.core.publisher.Mono;

/**
 * The Content-Security-Policy of the gateway's own pages: scripts and styles from here only (no inline code),
 * forms posting here or to auth-service (logout continues there). Proxied responses keep the provider's own policy.
 */
@Component
class OwnPageHeaders implements ServerHttpHeadersWriter {

    private final String policy;

    OwnPageHeaders(PortalProperties portal) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + origin(portal.authBase());
    }

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/p/")) {
            exchange.getResponse().getHeaders().set("Content-Security-Policy", policy);
        }
        return Mono.empty();
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
