package org.sscard.console.config;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.common.token.ServiceCredentials;
import org.sscard.common.token.TokenProperties;

/**
 * How the console calls the platform: over TLS trusting exactly the platform CA's root ({@code <data-dir>/tls/ca-root.pem},
 * written by the card issuer at first start; tests over plain HTTP have none), as the OIDC client
 * {@code operator-console} whose service-client certificate ({@code <data-dir>/clients/operator-console.crt|.key}) signs
 * its client assertions. Both are read at the first call, so the console starts before the card issuer wrote them.
 */
@Component
@EnableConfigurationProperties(TokenProperties.class)
public class PlatformClients {

    private final ConsoleProperties console;
    private final TokenProperties tokens;
    private volatile SSLContext trust;
    private volatile ServiceCredentials credentials;

    PlatformClients(ConsoleProperties console, TokenProperties tokens) {
        this.console = console;
        this.tokens = tokens;
    }

    public TokenProperties tokens() {
        return tokens;
    }

    /**
     * The platform trust: its CA root and nothing else. Without the root file nothing is trusted at all (never the
     * JDK's public CAs): an https call then fails, as it must; plain-HTTP tests need no trust.
     */
    public SSLContext trust() {
        if (trust == null) {
            try {
                if (Files.isRegularFile(console.caRoot())) {
                    trust = PlatformTrust.sslContext(console.caRoot());
                } else {
                    SSLContext none = SSLContext.getInstance("TLS");
                    TrustManagerFactory empty =
                            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                    KeyStore noAnchors = KeyStore.getInstance(KeyStore.getDefaultType());
                    noAnchors.load(null, null);
                    empty.init(noAnchors);
                    none.init(null, empty.getTrustManagers(), null);
                    trust = none;
                }
            } catch (java.security.GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException("no TLS", e);
            }
        }
        return trust;
    }

    public Supplier<SSLContext> trustSupplier() {
        return this::trust;
    }

    /** This client's key and certificate for {@code private_key_jwt}. */
    public ServiceCredentials credentials() {
        if (credentials == null) {
            credentials = ServiceCredentials.read(
                    ServiceCredentials.directory(console.dataDir().toAbsolutePath()), tokens.clientId());
        }
        return credentials;
    }

    /** A JDK HTTP client on the platform trust; HTTP/1.1 as the other services' clients. */
    public HttpClient http(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(trust())
                .build();
    }
}
