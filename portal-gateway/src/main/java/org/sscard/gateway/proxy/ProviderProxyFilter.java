package org.sscard.gateway.proxy;

import java.net.URI;
import java.util.Locale;
import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.relay.ProviderDirectory;
import org.sscard.gateway.relay.RelayRecords;
import org.sscard.gateway.token.PairwiseTokens;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;

/**
 * {@code /p/<provider>/<rest>} → {@code <provider's base URL>/<rest>}, the base URL from the relay's registry. The
 * request carries the resident's pairwise token for that provider and nothing of the browser's identity
 * ({@link ProxiedRequest}); the answer's redirects and cookies are rewritten to stay under the gateway
 * ({@link BackendResponse}). Each provider has its own circuit breaker and time limit; a provider that fails,
 * answers 5xx or is switched off by its breaker becomes the gateway's own error page or problem detail.
 * Runs before Spring Cloud Gateway's response writer, so that the breaker and the 5xx check see the provider's
 * answer before anything is written; {@link #TARGET} is the URL {@link ProviderUrlFilter} routes to.
 */
@Component
class ProviderProxyFilter implements GatewayFilter, Ordered {

    private final ProviderDirectory directory;
    private final PairwiseTokens tokens;
    private final ProviderBreakers breakers;
    private final ProxyFailures failures;

    ProviderProxyFilter(
            ProviderDirectory directory, PairwiseTokens tokens, ProviderBreakers breakers, ProxyFailures failures) {
        this.directory = directory;
        this.tokens = tokens;
        this.breakers = breakers;
        this.failures = failures;
    }

    static final String TARGET = ProviderProxyFilter.class.getName() + ".target";

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String key = ServerWebExchangeUtils.getUriTemplateVariables(exchange).getOrDefault("provider", "");
        return directory
                .find(key)
                .switchIfEmpty(Mono.error(() ->
                        new GatewayException(GatewayError.UNKNOWN_PROVIDER, "no provider '" + key + "' is registered")))
                .flatMap(provider -> publicAsset(exchange, provider.key())
                        ? forward(exchange, chain, provider, null)
                        : tokens.forProvider(exchange, provider.key())
                                .flatMap(token -> forward(exchange, chain, provider, token)));
    }

    /**
     * {@code /p/<key>/assets/**} by GET: the provider's public stylesheets and images, which its page (sandboxed, an
     * opaque origin) loads without the resident's session. Asked for without a token and without any cookie, so
     * whatever the path says, the provider answers only what it serves to anyone.
     */
    static boolean publicAsset(ServerWebExchange exchange, String key) {
        return exchange.getRequest().getMethod() == HttpMethod.GET
                && exchange.getRequest().getURI().getRawPath().startsWith("/p/" + key + "/assets/");
    }

    private Mono<Void> forward(
            ServerWebExchange exchange, GatewayFilterChain chain, RelayRecords.Provider provider, String token) {
        URI base = URI.create(provider.baseUrl());
        String prefix = "/p/" + provider.key();
        URI incoming = exchange.getRequest().getURI();
        String rest = incoming.getRawPath()
                .substring(Math.min(prefix.length(), incoming.getRawPath().length()));
        URI target = URI.create(provider.baseUrl().replaceAll("/+$", "")
                + (rest.isEmpty() ? "/" : rest)
                + (incoming.getRawQuery() == null ? "" : "?" + incoming.getRawQuery()));
        exchange.getAttributes().put(TARGET, target);

        Locale locale = exchange.getLocaleContext().getLocale() == null
                ? Locale.JAPANESE
                : exchange.getLocaleContext().getLocale();
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> ProxiedRequest.prepare(
                        headers,
                        token == null
                                ? new LinkedMultiValueMap<>()
                                : exchange.getRequest().getCookies(),
                        provider.key(),
                        token,
                        locale))
                .build();
        BackendResponse rewriting = new BackendResponse(
                provider.key(),
                base,
                "https".equals(incoming.getScheme()) || exchange.getRequest().getSslInfo() != null);
        exchange.getResponse().beforeCommit(() -> {
            rewriting.rewrite(exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        ServerWebExchange proxied = exchange.mutate()
                .request(request)
                .response(new FailingOn5xx(exchange))
                .build();
        return breakers.of(provider.key())
                .run(chain.filter(proxied), failure -> failures.answer(exchange, provider, failure));
    }

    /** A provider's 5xx is its failure: counted by the breaker and never shown as it came (it may be a trace). */
    private static final class FailingOn5xx extends ServerHttpResponseDecorator {

        FailingOn5xx(ServerWebExchange exchange) {
            super(exchange.getResponse());
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return failed() ? Mono.error(new ProviderFailedException(getStatusCode())) : super.writeWith(body);
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return failed() ? Mono.error(new ProviderFailedException(getStatusCode())) : super.writeAndFlushWith(body);
        }

        @Override
        public Mono<Void> setComplete() {
            return failed() ? Mono.error(new ProviderFailedException(getStatusCode())) : super.setComplete();
        }

        private boolean failed() {
            HttpStatusCode status = getStatusCode();
            return status != null && status.is5xxServerError();
        }
    }

    static final class ProviderFailedException extends RuntimeException {

        ProviderFailedException(HttpStatusCode status) {
            super("the provider answered " + status.value());
        }
    }
}
