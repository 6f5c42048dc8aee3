package org.sscard.common.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS between the platform's own services: trust exactly the platform CA's root ({@code <data-dir>/tls/ca-root.pem},
 * written by the card issuer at first start), not the JDK's public CAs.
 */
public final class PlatformTrust {

    /** The trust store the card issuer writes beside the root; it holds public certificates only. */
    public static final String TRUST_STORE = "truststore.p12";
    /** PKCS#12 demands a password even for public certificates; this one protects nothing and need not be secret. */
    public static final String TRUST_STORE_PASSWORD = "sscard-public-certificates";

    private PlatformTrust() {}

    /** Where every service finds the platform root: {@code <data-dir>/tls/ca-root.pem}. */
    public static Path caRoot(Path dataDir) {
        return dataDir.resolve("tls").resolve("ca-root.pem");
    }

    public static SSLContext sslContext(Path caRootPem) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keyStore(caRootPem));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the platform's TLS trust from " + caRootPem, e);
        }
    }

    /** A key store holding the platform root as its only trusted certificate. */
    public static KeyStore keyStore(Path caRootPem) {
        try (InputStream in = Files.newInputStream(caRootPem)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int index = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("sscard-root-" + index++, certificate);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform CA root " + caRootPem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the platform CA root " + caRootPem, e);
        }
    }
}
