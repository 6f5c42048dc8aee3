package org.sscard.gateway.login;

import org.springframework.security.web.server.header.ServerHttpHeadersWriter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every proxied response ({@code /p/**}) runs in a sandbox: {@code Content-Security-Policy: sandbox} without
 * {@code allow-same-origin} gives the provider's page an opaque origin instead of the gateway's. Its script may run,
 * but what it fetches is cross-origin (the answer cannot be read, no CORS header is ever sent) and cross-site (the
 * portal's SameSite=Lax session cookie does not go with it), so a page of one provider cannot use the resident's
 * session to read another provider's pages or APIs through {@code /p/<other>/}, nor the portal's own pages. The
 * page's links, its forms that navigate with GET and its downloads still work (top-level navigations carry the
 * Lax cookie). The policy is added beside the provider's own, which stays in force.
 */
final class ProxiedPageHeaders implements ServerHttpHeadersWriter {

    static final String SANDBOX = "sandbox allow-scripts allow-forms allow-downloads allow-popups allow-modals";

    @Override
    public Mono<Void> writeHttpHeaders(ServerWebExchange exchange) {
        // add, not set: the provider's own policy (if any) is enforced as well
        exchange.getResponse().getHeaders().add("Content-Security-Policy", SANDBOX);
        return Mono.empty();
    }
}
