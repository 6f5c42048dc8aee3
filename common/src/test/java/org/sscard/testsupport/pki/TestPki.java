package org.sscard.testsupport.pki;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The platform's PKI for tests, made at run time, nothing on disk: a root, an issuing CA under it, and the end
 * entities of the card issuer's {@code profiles.yml} (resident card, staff card, service client, TLS server, OCSP
 * signer), with their OCSP responder and CRL distribution points served on loopback by a {@link RevocationServer}.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * Issued card = pki.residentCard(personalId).issue();
 * Issued weak = pki.residentCard(personalId).signedWithSha1().issue();
 * pki.revokeInOcsp(card.certificate(), CRLReason.keyCompromise);
 * }</pre>
 *
 * Every end entity of one PKI shares one key pair unless the test names another ({@link CertificateBuilder#keys}):
 * the tests are about certificates, and RSA key generation is slow. {@link #certificate(String)} starts a bare
 * certificate for hand-made hierarchies and deliberately odd cases; {@link #selfSigned(String)} is a key and
 * certificate nobody vouches for (a SAML signer, a stand-in's key, an attacker's).
 */
public final class TestPki implements AutoCloseable {

    /** The project's OID arc (a UUID OID, ITU-T X.667): .1.x people, .2.x platform. */
    public static final String POLICY_ARC = "2.25.282948580063040574886034106954584755375";

    public static final String RESIDENT_POLICY = POLICY_ARC + ".1.1";
    public static final String RECEPTION_CLERK_POLICY = POLICY_ARC + ".1.2";
    public static final String INSURER_ADMIN_POLICY = POLICY_ARC + ".1.3";
    public static final String CITY_ADMIN_POLICY = POLICY_ARC + ".1.4";
    public static final String TLS_SERVER_POLICY = POLICY_ARC + ".2.1";
    public static final String SERVICE_CLIENT_POLICY = POLICY_ARC + ".2.2";

    private static final String ANY_POLICY = "2.5.29.32.0";

    private static final Map<String, String> STAFF_POLICIES = Map.of(
            "RECEPTION_CLERK", RECEPTION_CLERK_POLICY,
            "INSURER_ADMIN", INSURER_ADMIN_POLICY,
            "CITY_ADMIN", CITY_ADMIN_POLICY);

    private static KeyPair weakRsa1024;

    private final String name;
    private final Issued root;
    private final Issued issuing;
    private final KeyPair endEntityKeys = rsa(2048);
    private final RevocationServer revocation = RevocationServer.start();

    private TestPki(String name) {
        this.name = name;
        Instant now = Instant.now();
        Instant tenYears = now.plus(Duration.ofDays(3650));
        root = certificate("C=JP, O=" + name + ", CN=" + name + " Root")
                .ca()
                .valid(now.minus(Duration.ofHours(1)), tenYears)
                .issue();
        // as the card issuer's CaHierarchy makes it: pathLen 0, anyPolicy, the root's CRL as its only status source
        issuing = certificate("C=JP, O=" + name + ", CN=" + name + " Issuing")
                .issuedBy(root)
                .ca(0)
                .valid(now.minus(Duration.ofHours(1)), tenYears)
                .policies(ANY_POLICY)
                .crl(revocation.crlUrl("root"))
                .issue();
        revocation.authority("root", root).authority("issuing", issuing);
    }

    /** The platform's test PKI ("sscard test CA"), with its revocation server running. */
    public static TestPki create() {
        return create("sscard test CA");
    }

    /** A PKI of its own name and keys: for "a CA we do not trust", a second one is unrelated to the first. */
    public static TestPki create(String name) {
        return new TestPki(name);
    }

    public Issued root() {
        return root;
    }

    public Issued issuing() {
        return issuing;
    }

    public RevocationServer revocation() {
        return revocation;
    }

    /** Profile {@code resident-card}: {@code SERIALNUMBER=<personal ID>}, clientAuth, the resident policy. */
    public CertificateBuilder residentCard(String personalId) {
        return endEntity("SERIALNUMBER=" + personalId)
                .validFor(Period.ofYears(5))
                .policies(RESIDENT_POLICY);
    }

    /**
     * Profiles {@code staff-<role>}: {@code C=JP, O=<organisation>, OU=<role>, UID=<staff ID>, CN=<name>},
     * clientAuth, the role's policy.
     */
    public CertificateBuilder staffCard(UUID staffId, String organisation, String role) {
        String policy = STAFF_POLICIES.get(role);
        if (policy == null) {
            throw new IllegalArgumentException("no staff profile for the role " + role);
        }
        return endEntity("C=JP, O=" + organisation + ", OU=" + role + ", UID=" + staffId + ", CN=試験 職員")
                .validFor(Period.ofYears(3))
                .policies(policy);
    }

    /** Profile {@code service-client}: {@code O=sscard, OU=services, CN=<name>}, its URN in the SAN, clientAuth. */
    public CertificateBuilder serviceClient(String name) {
        return endEntity("O=sscard, OU=services, CN=" + name)
                .validFor(Period.ofYears(1))
                .uri("urn:sscard:service:" + name)
                .policies(SERVICE_CLIENT_POLICY);
    }

    /**
     * Profile {@code tls-server}: {@code O=sscard, OU=test, CN=<host>}, the host in the SAN (and 127.0.0.1 for
     * localhost, which clients also reach it by), digitalSignature and keyEncipherment, serverAuth.
     */
    public CertificateBuilder tlsServer(String host) {
        CertificateBuilder server = endEntity("O=sscard, OU=test, CN=" + host)
                .validFor(Period.ofYears(1))
                .keyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)
                .extendedKeyUsage(KeyPurposeId.id_kp_serverAuth)
                .dnsName(host)
                .policies(TLS_SERVER_POLICY);
        return "localhost".equals(host) ? server.ipAddress("127.0.0.1") : server;
    }

    /** Profile {@code ocsp-signer}: the issuing CA's delegated OCSP responder. */
    public CertificateBuilder ocspSigner() {
        return endEntity("C=JP, O=" + name + ", CN=" + name + " Issuing OCSP").ocspSigning();
    }

    /** From now on the revocation server's OCSP answer for the certificate is revoked, with this reason code. */
    public void revokeInOcsp(X509Certificate certificate, int reason) {
        revocation.revokeInOcsp(certificate.getSerialNumber(), reason);
    }

    /** From now on the CRLs list the certificate, with this reason code. */
    public void revokeInCrl(X509Certificate certificate, int reason) {
        revocation.revokeInCrl(certificate.getSerialNumber(), reason);
    }

    /** The issuing CA's current CRL. */
    public X509CRL crl() {
        return revocation.crl("issuing");
    }

    /** Writes the root as {@code <dataDir>/tls/ca-root.pem}, where the services look for the platform root. */
    public void writeTrustRoot(Path dataDir) {
        Pem.write(dataDir.resolve("tls").resolve("ca-root.pem"), Pem.certificate(root.certificate()));
    }

    /** The root's and the issuing CA's current CRLs as DER files, for tools that read CRLs rather than fetch them. */
    public List<Path> writeCrls(Path dir) {
        try {
            Path rootCrl = java.nio.file.Files.write(
                    dir.resolve("root.crl"), revocation.crl("root").getEncoded());
            Path issuingCrl = java.nio.file.Files.write(dir.resolve("issuing.crl"), crl().getEncoded());
            return List.of(rootCrl, issuingCrl);
        } catch (java.io.IOException | CRLException e) {
            throw new IllegalStateException("cannot write the test CRLs", e);
        }
    }

    /** Stops the revocation server. */
    @Override
    public void close() {
        revocation.close();
    }

    /**
     * A bare certificate: self-signed unless {@link CertificateBuilder#issuedBy issued by} another, a fresh
     * RSA-2048 key unless given one, an end entity with digitalSignature and clientAuth unless made a
     * {@link CertificateBuilder#ca() CA}, no policies, no revocation addresses.
     */
    public static CertificateBuilder certificate(String subject) {
        return new CertificateBuilder(subject, null, () -> rsa(2048));
    }

    /** A fresh key and a self-signed certificate for it that nobody vouches for. */
    public static Issued selfSigned(String subject) {
        return certificate(subject).issue();
    }

    /**
     * A CRL of {@code ca}, issued at {@code now} (this update a minute before, next update an hour after), listing
     * each serial with its RFC 5280 reason code, revoked an hour before {@code now}.
     */
    public static X509CRL crl(Issued ca, Instant now, Map<BigInteger, Integer> revokedWithReason) {
        return crl(ca, now, Duration.ofHours(1), null, revokedWithReason);
    }

    /**
     * A CRL of {@code ca} as the card issuer publishes them: issued at {@code now} (this update a minute before),
     * next update {@code validity} after {@code now}, numbered {@code number} (none if null), listing each serial with
     * its RFC 5280 reason code, revoked an hour before {@code now}.
     */
    public static X509CRL crl(
            Issued ca, Instant now, Duration validity, BigInteger number, Map<BigInteger, Integer> revokedWithReason) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
                Date.from(now.minusSeconds(60)));
        builder.setNextUpdate(Date.from(now.plus(validity)));
        revokedWithReason.forEach(
                (serial, reason) -> builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), reason));
        try {
            if (number != null) {
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(number));
            }
            return new JcaX509CRLConverter()
                    .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.privateKey())));
        } catch (OperatorCreationException | CRLException | java.io.IOException e) {
            throw new IllegalStateException("cannot sign the test CRL", e);
        }
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized KeyPair weakRsa1024() {
        if (weakRsa1024 == null) {
            weakRsa1024 = rsa(1024);
        }
        return weakRsa1024;
    }

    /** An end entity under the issuing CA, with this PKI's OCSP responder and a CRL address of its own. */
    private CertificateBuilder endEntity(String subject) {
        return new CertificateBuilder(subject, revocation, () -> endEntityKeys)
                .issuedBy(issuing)
                .ocsp(revocation.ocspUrl())
                .crl(revocation.crlUrl("issuing"));
    }
}
