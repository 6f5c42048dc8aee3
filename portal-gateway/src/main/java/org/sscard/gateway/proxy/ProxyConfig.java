package org.sscard.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.sscard.gateway.config.PortalProperties;

/**
 * One route for every provider: {@code /p/{provider}/**}; where it goes is the relay's registry's business
 * ({@link ProviderProxyFilter}), so a provider added there needs no route here. One circuit breaker per provider
 * (named by its key): it opens when half of the last {@code window} calls failed, rejects calls for
 * {@code open-for}, then lets a few through to test.
 */
@Configuration
@EnableConfigurationProperties(ProxyConfig.BreakerProperties.class)
class ProxyConfig {

    @ConfigurationProperties("sscard.portal.breaker")
    record BreakerProperties(Integer window, Integer minimumCalls, Float failureRate, java.time.Duration openFor) {

        BreakerProperties {
            window = window == null ? 10 : window;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            failureRate = failureRate == null ? 50f : failureRate;
            openFor = openFor == null ? java.time.Duration.ofSeconds(30) : openFor;
        }
    }

    @Bean
    RouteLocator providerRoutes(RouteLocatorBuilder routes, ProviderProxyFilter proxy, ProviderUrlFilter url) {
        return routes.routes()
                // the URI is replaced per request by the provider's registered base URL
                .route(
                        "providers",
                        route -> route.path("/p/{provider}/**")
                                .filters(f -> f.filter(proxy).filter(url))
                                .uri("http://provider.invalid"))
                .build();
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> providerBreakerSettings(
            PortalProperties portal, BreakerProperties breaker) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(portal.providerTimeout())
                        .build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(breaker.window())
                        .minimumNumberOfCalls(breaker.minimumCalls())
                        .failureRateThreshold(breaker.failureRate())
                        .waitDurationInOpenState(breaker.openFor())
                        .build())
                .build());
    }
}
