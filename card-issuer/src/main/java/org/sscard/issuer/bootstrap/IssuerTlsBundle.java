package org.sscard.issuer.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundleRegistry;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.stereotype.Component;
import org.sscard.issuer.config.IssuerProperties;

/**
 * The issuing API's own TLS certificate, the SSL bundle {@value #NAME} its connector ({@code server.ssl.bundle})
 * uses. Every other service reads the certificate this CA wrote for it at its first start; the CA cannot wait for
 * that, so before its web server starts it makes (or renews) its own, {@code <data-dir>/tls/card-issuer.crt|.key},
 * in process with its own key store, and serves it.
 */
@Component
class IssuerTlsBundle implements SslBundleRegistrar {

    static final String NAME = "issuer-api";
    static final String SERVICE = "card-issuer";

    private final ServerCertificates serverCertificates;
    private final BootstrapProperties bootstrap;
    private final Path tlsDirectory;

    IssuerTlsBundle(ServerCertificates serverCertificates, BootstrapProperties bootstrap, IssuerProperties issuer) {
        this.serverCertificates = serverCertificates;
        this.bootstrap = bootstrap;
        this.tlsDirectory = issuer.dataDir().resolve("tls");
    }

    @Override
    public void registerBundles(SslBundleRegistry registry) {
        if (bootstrap.serverCertificates()) {
            serverCertificates.ensure(tlsDirectory, List.of(SERVICE), bootstrap::dnsNames);
        }
        Path certificate = tlsDirectory.resolve(SERVICE + ".crt");
        Path key = tlsDirectory.resolve(SERVICE + ".key");
        try {
            PemSslStoreDetails details = PemSslStoreDetails.forCertificates(Files.readString(certificate))
                    .withPrivateKey(Files.readString(key));
            registry.registerBundle(NAME, SslBundle.of(new PemSslStoreBundle(details, null)));
        } catch (IOException e) {
            throw new UncheckedIOException("the issuing API needs its TLS certificate at " + certificate, e);
        }
    }
}
