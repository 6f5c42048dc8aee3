package org.sscard.auth.support;

import static org.sscard.auth.support.CertificateTools.RANDOM;
import static org.sscard.auth.support.CertificateTools.ca;
import static org.sscard.auth.support.CertificateTools.encoded;
import static org.sscard.auth.support.CertificateTools.pem;
import static org.sscard.auth.support.CertificateTools.rsa;
import static org.sscard.auth.support.CertificateTools.sign;
import static org.sscard.auth.support.CertificateTools.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

/**
 * A test PKI shaped like the platform's: a root (standing in for the platform CA root), an issuing CA under it, a
 * TLS server certificate for localhost, and cards per the card-issuer's profiles. {@link #other()} is a second,
 * unrelated hierarchy for "untrusted CA".
 */
public final class TestPki {

    public static final String ARC = "2.25.282948580063040574886034106954584755375";
    public static final String RESIDENT_POLICY = ARC + ".1.1";
    public static final String CLERK_POLICY = ARC + ".1.2";
    public static final String SERVICE_POLICY = ARC + ".2.2";

    private static TestPki platform;

    private final KeyPair rootKey = rsa();
    private final KeyPair issuingKey = rsa();
    /** One key for every card: the tests are about certificates, and RSA key generation is slow. */
    private final KeyPair cardKey = rsa();
    /** Made when a test first asks for a 1024-bit card: generating it costs time every other test would pay. */
    private KeyPair weakCardKey;

    private final X509Certificate root;
    private final X509Certificate issuing;
    private final RevocationResponder responder = new RevocationResponder();

    private TestPki(String name) {
        X500Name rootName = new X500Name("C=JP, O=" + name + ", CN=" + name + " Root");
        X500Name issuingName = new X500Name("C=JP, O=" + name + ", CN=" + name + " Issuing");
        root = ca(rootName, rootKey.getPublic(), rootName, rootKey, rootKey.getPublic(), 1);
        issuing = ca(
                issuingName,
                issuingKey.getPublic(),
                rootName,
                rootKey,
                rootKey.getPublic(),
                0,
                responder.url("ocsp"),
                responder.url("crl/root"));
        responder.authority("root", root, rootKey);
        responder.authority("issuing", issuing, issuingKey);
    }

    /** The platform's test PKI, one per JVM. */
    public static synchronized TestPki platform() {
        if (platform == null) {
            platform = new TestPki("sscard test CA");
        }
        return platform;
    }

    public static TestPki other() {
        return new TestPki("Some other CA");
    }

    public X509Certificate root() {
        return root;
    }

    /** From now on OCSP says the card is revoked, with this RFC 5280 reason code (6 = certificateHold). */
    public void revokeInOcsp(Card card, int reason) {
        responder.revokeInOcsp(card.certificate().getSerialNumber(), reason);
    }

    /** From now on the issuing CA's CRL lists the card. */
    public void revokeInCrl(Card card, int reason) {
        responder.revokeInCrl(card.certificate().getSerialNumber(), reason);
    }

    /** Writes {@code <dataDir>/tls/ca-root.pem}, where the services look for the platform root. */
    public void writeTrustRoot(Path dataDir) {
        write(dataDir.resolve("tls").resolve("ca-root.pem"), pem("CERTIFICATE", encoded(root)));
    }

    /** The root's and the issuing CA's current CRLs as DER files, for tools that read CRLs rather than fetch them. */
    public List<Path> writeCrls(Path dir) {
        try {
            Path rootCrl = Files.write(dir.resolve("root.crl"), responder.crl("root"));
            return List.of(rootCrl, Files.write(dir.resolve("issuing.crl"), responder.crl("issuing")));
        } catch (Exception e) {
            throw new IllegalStateException("cannot write the test CRLs", e);
        }
    }

    /** A TLS server certificate for localhost: {@code [0]} the chain PEM (server, issuing CA), {@code [1]} the key. */
    public Path[] writeServerCertificate(Path dir) {
        KeyPair key = rsa();
        X509v3CertificateBuilder builder =
                builder(new X500Name("O=sscard, OU=auth-service, CN=localhost"), key.getPublic(), Duration.ofDays(30));
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(
                            Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509Certificate server = sign(builder, issuingKey);
        Path chain = dir.resolve("auth-service.crt");
        Path privateKey = dir.resolve("auth-service.key");
        write(chain, pem("CERTIFICATE", encoded(server)) + pem("CERTIFICATE", encoded(issuing)));
        write(privateKey, pem("PRIVATE KEY", key.getPrivate().getEncoded()));
        return new Path[] {chain, privateKey};
    }

    /** A card as the card issuer makes one; change what a test needs changed. */
    public CardBuilder card(String subject) {
        return new CardBuilder(this, new X500Name(subject));
    }

    /** A card under the issuing CA, as the card issuer makes one (see {@link CardBuilder}). */
    Card issueCard(CardBuilder spec) {
        KeyPair key = spec.isRsa1024() ? weakCardKey() : cardKey;
        X509v3CertificateBuilder builder = builder(spec.subject(), key.getPublic(), Duration.ofDays(365));
        // a URL of its own per card: no CRL cached by an earlier login hides a later revocation
        String crlPath = "crl/issuing/" + UUID.randomUUID();
        String ocsp = responder.url(spec.revocation() == CardBuilder.Revocation.BOTH ? "ocsp" : "down/ocsp");
        String crl = responder.url(spec.revocation() == CardBuilder.Revocation.NONE ? "down/" + crlPath : crlPath);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(
                            Extension.certificatePolicies,
                            false,
                            new CertificatePolicies(spec.policies().stream()
                                    .map(p -> new PolicyInformation(new ASN1ObjectIdentifier(p)))
                                    .toArray(PolicyInformation[]::new)));
            CertificateTools.addRevocationUrls(builder, ocsp, crl);
            if (spec.clientAuth()) {
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        X509Certificate certificate = sign(builder, issuingKey, spec.signatureAlgorithm());
        return new Card(certificate, List.of(certificate, issuing), key.getPrivate(), root);
    }

    private synchronized KeyPair weakCardKey() {
        if (weakCardKey == null) {
            weakCardKey = rsa(1024);
        }
        return weakCardKey;
    }

    private X509v3CertificateBuilder builder(X500Name subject, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuing,
                new BigInteger(63, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(validity)),
                subject,
                key);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuing));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return builder;
    }
}
