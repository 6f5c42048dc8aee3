package org.sscard.gateway.config;

import io.netty.channel.ChannelOption;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.nio.file.Files;
import java.time.Clock;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.ServiceTokenClient;
import org.sscard.common.token.ServiceTokens;
import org.sscard.common.token.TokenProperties;
import reactor.netty.http.client.HttpClient;

/**
 * Every outgoing call (relay, auth-service, providers, and the proxy's own client) trusts exactly the platform CA's
 * root, {@code <data-dir>/tls/ca-root.pem}, when it exists (the card issuer writes it at first start; tests over
 * plain HTTP have none). The gateway is the client {@code portal-gateway}: its service certificate signs its
 * client assertions, read at the first call.
 */
@Configuration
@EnableConfigurationProperties({PortalProperties.class, TokenProperties.class})
class PlatformClientsConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Supplier<ServiceCredentials> serviceCredentials(PortalProperties portal, TokenProperties tokens) {
        return new Supplier<>() {
            private volatile ServiceCredentials credentials;

            @Override
            public ServiceCredentials get() {
                if (credentials == null) {
                    credentials =
                            ServiceCredentials.read(ServiceCredentials.directory(portal.dataDir()), tokens.clientId());
                }
                return credentials;
            }
        };
    }

    @Bean
    ServiceTokens serviceTokens(
            PortalProperties portal, TokenProperties tokens, Supplier<ServiceCredentials> credentials, Clock clock) {
        Supplier<SSLContext> trust = () -> PlatformTrust.sslContext(portal.caRoot());
        return new ServiceTokenClient(tokens.tokenUri(), credentials, trust, clock);
    }

    /** For the relay, auth-service's token endpoint and JWKS, and the providers' summary and access-log APIs. */
    @Bean
    WebClient platformWebClient(WebClient.Builder builder, PortalProperties portal) {
        HttpClient http = secure(HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000), portal);
        return builder.clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** The reverse proxy's client (Spring Cloud Gateway's own) trusts the platform root too. */
    @Bean
    HttpClientCustomizer platformTrustForProxy(PortalProperties portal) {
        return http -> secure(http, portal);
    }

    private static HttpClient secure(HttpClient http, PortalProperties portal) {
        if (!Files.isRegularFile(portal.caRoot())) {
            return http;
        }
        SslContext ssl = nettyContext(portal);
        return http.secure(spec -> spec.sslContext(ssl));
    }

    private static SslContext nettyContext(PortalProperties portal) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(PlatformTrust.keyStore(portal.caRoot()));
            return SslContextBuilder.forClient().trustManager(trust).build();
        } catch (SSLException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the platform TLS trust from " + portal.caRoot(), e);
        }
    }
}
