package org.sscard.issuer.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.sscard.common.tls.PlatformTrust;
import org.sscard.issuer.api.Pem;
import org.sscard.issuer.ca.CaHierarchy;
import org.sscard.issuer.ca.CaProperties;
import org.sscard.issuer.ca.CertificateMinter;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.CertificateSubject;
import org.sscard.issuer.profile.ProfileProperties;
import org.sscard.issuer.revocation.CertificateRecords;
import org.sscard.issuer.revocation.IssuedCertificate.HolderType;

/**
 * The platform's own certificates, issued by its CA: TLS server certificates into
 * {@code <data-dir>/tls/<service>.crt|.key} beside {@code ca-root.pem}, and service-client certificates (with which
 * services authenticate at the token endpoint, {@code private_key_jwt}) into {@code <data-dir>/clients/}. PEM; the
 * key owner-only. A certificate is renewed when less than 30 days are left. Only the platform's own bootstrap
 * (this process, with the CA key store) makes these: the network API issues cards only.
 */
@Component
class ServerCertificates {

    private static final Logger log = LoggerFactory.getLogger(ServerCertificates.class);

    private final CaHierarchy hierarchy;
    private final CertificateMinter minter;
    private final CertificateRecords records;
    private final CertificateProfile profile;
    private final CertificateProfile clientProfile;
    private final CaProperties ca;
    private final Clock clock;

    ServerCertificates(
            CaHierarchy hierarchy,
            CertificateMinter minter,
            CertificateRecords records,
            ProfileProperties profiles,
            CaProperties ca,
            Clock clock) {
        this.hierarchy = hierarchy;
        this.minter = minter;
        this.records = records;
        this.profile = profiles.require("tls-server");
        this.clientProfile = profiles.require("service-client");
        this.ca = ca;
        this.clock = clock;
    }

    /**
     * A certificate is (re)issued when missing, near its end, made by another CA, or not naming every host the
     * service now has (e.g. a data directory from before each service had its own host name).
     */
    void ensure(Path tlsDirectory, List<String> services, Function<String, List<String>> dnsNames) {
        try {
            Files.createDirectories(tlsDirectory);
            Path root = tlsDirectory.resolve("ca-root.pem");
            Files.writeString(root, Pem.of(hierarchy.root().certificate()));
            writeTrustStore(root, tlsDirectory.resolve(PlatformTrust.TRUST_STORE));
            for (String service : services) {
                Path certificate = tlsDirectory.resolve(service + ".crt");
                List<String> names = dnsNames.apply(service);
                if (Files.exists(certificate)
                        && !nearExpiry(certificate)
                        && names(certificate).containsAll(names)) {
                    continue;
                }
                issue(tlsDirectory, service, names);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the platform's TLS certificates", e);
        }
    }

    /** Service-client certificates (subject CN = the client ID) for the clients named. */
    void ensureClients(Path clientDirectory, List<String> clients) {
        try {
            Files.createDirectories(clientDirectory);
            for (String client : clients) {
                Path certificate = clientDirectory.resolve(client + ".crt");
                if (Files.exists(certificate) && !nearExpiry(certificate)) {
                    continue;
                }
                issue(clientDirectory, client, "service-client", clientProfile, new CertificateSubject.Service(client));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the platform's service-client certificates", e);
        }
    }

    private void issue(Path directory, String service, List<String> names) throws IOException {
        issue(
                directory,
                service,
                "tls-server",
                profile,
                new CertificateSubject.Server(service, names, List.of("127.0.0.1", "::1")));
    }

    private void issue(
            Path directory,
            String service,
            String profileName,
            CertificateProfile certificateProfile,
            CertificateSubject subject)
            throws IOException {
        KeyPair keys = generate(certificateProfile);
        X509Certificate certificate = minter.endEntity(
                certificateProfile,
                subject,
                keys.getPublic(),
                CertificateMinter.newSerial(),
                hierarchy.issuing(),
                ca,
                clock.instant());
        records.record(certificate, CaHierarchy.ISSUING, profileName, HolderType.PLATFORM, service, null);
        Path key = directory.resolve(service + ".key");
        Files.deleteIfExists(key);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(
                key,
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(
                directory.resolve(service + ".crt"),
                Pem.of(certificate) + Pem.of(hierarchy.issuing().certificate()));
        log.info("issued the {} certificate of {}", profileName, service);
    }

    /** For JVMs that take their trust from javax.net.ssl.trustStore (the launcher starts the services so). */
    private static void writeTrustStore(Path root, Path trustStore) throws IOException {
        try (var out = Files.newOutputStream(trustStore)) {
            PlatformTrust.keyStore(root).store(out, PlatformTrust.TRUST_STORE_PASSWORD.toCharArray());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the platform trust store", e);
        }
    }

    private static List<String> names(Path certificate) throws IOException {
        try (var in = Files.newInputStream(certificate)) {
            X509Certificate current = (X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
            var names = current.getSubjectAlternativeNames();
            return names == null
                    ? List.of()
                    : names.stream()
                            .filter(name -> Integer.valueOf(2).equals(name.get(0)))
                            .map(name -> name.get(1).toString())
                            .toList();
        } catch (java.security.GeneralSecurityException e) {
            return List.of();
        }
    }

    private boolean nearExpiry(Path certificate) throws IOException {
        try (var in = Files.newInputStream(certificate)) {
            X509Certificate current = (X509Certificate)
                    java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in);
            current.verify(hierarchy.issuing().certificate().getPublicKey()); // made by this CA, not a former one
            return Duration.between(clock.instant(), current.getNotAfter().toInstant())
                            .toDays()
                    < 30;
        } catch (java.security.GeneralSecurityException e) {
            return true;
        }
    }

    private static KeyPair generate(CertificateProfile profile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(profile.keyAlgorithm());
            generator.initialize(profile.keySize());
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
