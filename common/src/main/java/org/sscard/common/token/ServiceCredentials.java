package org.sscard.common.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * A service client's key and certificate chain (leaf first), issued by the platform CA with the
 * {@code service-client} profile into {@code <data-dir>/clients/<client>.key} (PKCS#8 PEM, owner-only) and
 * {@code .crt} (PEM chain). The certificate is what the token endpoint checks; the key never leaves this file.
 */
public record ServiceCredentials(String clientId, PrivateKey privateKey, List<X509Certificate> chain) {

    public ServiceCredentials {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a service client needs its certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public static Path directory(Path dataDir) {
        return dataDir.resolve("clients");
    }

    public static ServiceCredentials read(Path directory, String clientId) {
        Path key = directory.resolve(clientId + ".key");
        Path certificate = directory.resolve(clientId + ".crt");
        try (InputStream in = Files.newInputStream(certificate)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            byte[] der = Base64.getMimeDecoder()
                    .decode(Files.readString(key).replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
            PrivateKey privateKey = KeyFactory.getInstance(
                            chain.get(0).getPublicKey().getAlgorithm())
                    .generatePrivate(new PKCS8EncodedKeySpec(der));
            return new ServiceCredentials(clientId, privateKey, chain);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new ServiceTokenException(
                    "cannot read the service-client credentials of " + clientId + " from " + directory
                            + " (the card issuer issues them at first start)",
                    e);
        }
    }
}
