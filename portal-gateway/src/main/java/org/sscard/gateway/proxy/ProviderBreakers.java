package org.sscard.gateway.proxy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * One circuit breaker (with its time limit) per provider, shared by the proxy, the tile probe and the access-log
 * fetch: a provider failing in one of them is switched off for all. Made once per provider, not per request.
 */
@Component
public class ProviderBreakers {

    private final ReactiveCircuitBreakerFactory<?, ?> factory;
    private final Map<String, ReactiveCircuitBreaker> breakers = new ConcurrentHashMap<>();

    ProviderBreakers(ReactiveCircuitBreakerFactory<?, ?> factory) {
        this.factory = factory;
    }

    public ReactiveCircuitBreaker of(String provider) {
        return breakers.computeIfAbsent(provider, factory::create);
    }
}
