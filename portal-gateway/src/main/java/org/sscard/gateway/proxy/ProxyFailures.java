package org.sscard.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.sscard.gateway.relay.RelayRecords;
import org.sscard.gateway.web.ErrorPages;
import org.sscard.gateway.web.GatewayError;
import org.sscard.gateway.web.GatewayException;
import reactor.core.publisher.Mono;

/** What the person sees when a provider cannot answer: the gateway's page or problem, naming the provider. */
@Component
class ProxyFailures {

    private static final Logger log = LoggerFactory.getLogger(ProxyFailures.class);

    private final ErrorPages pages;

    ProxyFailures(ErrorPages pages) {
        this.pages = pages;
    }

    Mono<Void> answer(ServerWebExchange exchange, RelayRecords.Provider provider, Throwable failure) {
        if (failure instanceof GatewayException e) {
            return pages.write(exchange, e.error(), e.getMessage());
        }
        GatewayError error;
        String detail;
        if (failure instanceof CallNotPermittedException) {
            error = GatewayError.PROVIDER_UNAVAILABLE;
            detail = provider.nameEn() + " failed repeatedly and is switched off for a while";
        } else if (failure instanceof TimeoutException) {
            error = GatewayError.PROVIDER_TIMEOUT;
            detail = provider.nameEn() + " did not answer in time";
        } else if (failure instanceof ProviderProxyFilter.ProviderFailedException) {
            error = GatewayError.PROVIDER_ERROR;
            detail = provider.nameEn() + " had an error (" + failure.getMessage() + ")";
        } else {
            error = GatewayError.PROVIDER_UNAVAILABLE;
            detail = provider.nameEn() + " cannot be reached";
        }
        log.warn(
                "provider {} {} {}: {} ({})",
                provider.key(),
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                error,
                failure.toString());
        return pages.write(exchange, error, detail);
    }
}
