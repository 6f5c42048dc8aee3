package org.sscard.testsupport.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * One certificate to issue. {@link TestPki}'s profile methods fill it in as the card issuer's {@code profiles.yml}
 * says; {@link TestPki#certificate(String)} starts a bare one. A test then changes what it is about (a weak
 * signature, a missing usage, an unreachable revocation source, another issuer) and nothing else.
 */
public final class CertificateBuilder {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RevocationServer revocation;
    private final Supplier<KeyPair> defaultKeys;
    private String subject;
    private KeyPair keys;
    private Issued issuer;
    private boolean ca;
    private int pathLength = -1;
    private Instant notBefore;
    private Instant notAfter;
    private String signatureAlgorithm;
    private int keyUsage = KeyUsage.digitalSignature;
    private final List<KeyPurposeId> extendedKeyUsage = new ArrayList<>(List.of(KeyPurposeId.id_kp_clientAuth));
    private final List<String> policies = new ArrayList<>();
    private final List<GeneralName> alternativeNames = new ArrayList<>();
    private String ocspUrl;
    private String crlUrl;
    private boolean ocspNoCheck;
    private final List<Extension> extraExtensions = new ArrayList<>();

    /**
     * @param revocation the PKI's revocation server, for {@link #ocspUnreachable()} and the like; null for a bare
     *     certificate
     * @param defaultKeys the key pair used unless the test names one
     */
    CertificateBuilder(String subject, RevocationServer revocation, Supplier<KeyPair> defaultKeys) {
        this.subject = subject;
        this.revocation = revocation;
        this.defaultKeys = defaultKeys;
        Instant now = Instant.now();
        // back-dated, as the card issuer does, so that a lagging clock or a test's fixed "now" still falls inside
        this.notBefore = now.minus(Duration.ofHours(1));
        this.notAfter = now.plus(Duration.ofDays(365));
    }

    public CertificateBuilder subject(String distinguishedName) {
        subject = distinguishedName;
        return this;
    }

    public CertificateBuilder keys(KeyPair keyPair) {
        keys = keyPair;
        return this;
    }

    /** A deliberately weak RSA-1024 key (one per test JVM: generating it is slow, and its weakness is the point). */
    public CertificateBuilder rsa1024() {
        return keys(TestPki.weakRsa1024());
    }

    /** Signed by {@code ca} instead of the default issuer (or instead of itself, for a bare certificate). */
    public CertificateBuilder issuedBy(Issued ca) {
        issuer = ca;
        return this;
    }

    /** A CA certificate without a path-length limit: keyCertSign and cRLSign, no extended key usage. */
    public CertificateBuilder ca() {
        return ca(-1);
    }

    /** A CA certificate that may have {@code pathLength} CAs below it. */
    public CertificateBuilder ca(int pathLength) {
        this.ca = true;
        this.pathLength = pathLength;
        this.keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
        this.extendedKeyUsage.clear();
        return this;
    }

    public CertificateBuilder valid(Instant from, Instant to) {
        notBefore = from;
        notAfter = to;
        return this;
    }

    public CertificateBuilder validFor(Period period) {
        notAfter = Instant.now().atZone(ZoneOffset.UTC).plus(period).toInstant();
        return this;
    }

    /** The issuer's signature algorithm, e.g. a deliberately weak {@code SHA1withRSA}. */
    public CertificateBuilder signedWith(String algorithm) {
        signatureAlgorithm = algorithm;
        return this;
    }

    public CertificateBuilder signedWithSha1() {
        return signedWith("SHA1withRSA");
    }

    public CertificateBuilder keyUsage(int bits) {
        keyUsage = bits;
        return this;
    }

    /** Replaces the extended key usages (none: no extension at all). */
    public CertificateBuilder extendedKeyUsage(KeyPurposeId... purposes) {
        extendedKeyUsage.clear();
        extendedKeyUsage.addAll(List.of(purposes));
        return this;
    }

    /** Without the clientAuth extended key usage a card or a service client needs. */
    public CertificateBuilder withoutClientAuth() {
        extendedKeyUsage.remove(KeyPurposeId.id_kp_clientAuth);
        return this;
    }

    /** Replaces the certificate policies (none: no extension at all). */
    public CertificateBuilder policies(String... oids) {
        policies.clear();
        policies.addAll(List.of(oids));
        return this;
    }

    public CertificateBuilder dnsName(String name) {
        alternativeNames.add(new GeneralName(GeneralName.dNSName, name));
        return this;
    }

    public CertificateBuilder ipAddress(String address) {
        alternativeNames.add(new GeneralName(GeneralName.iPAddress, address));
        return this;
    }

    public CertificateBuilder uri(String uri) {
        alternativeNames.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        return this;
    }

    /** The OCSP responder named in the authority information access (null: none). */
    public CertificateBuilder ocsp(String url) {
        ocspUrl = url;
        return this;
    }

    /** The CRL distribution point (null: none). */
    public CertificateBuilder crl(String url) {
        crlUrl = url;
        return this;
    }

    /** The certificate's OCSP address answers 503; its CRL distribution point still works. */
    public CertificateBuilder ocspUnreachable() {
        return ocsp(requireRevocation().unreachableUrl("ocsp"));
    }

    /** Both the certificate's OCSP address and its CRL distribution point answer 503. */
    public CertificateBuilder revocationUnreachable() {
        return ocspUnreachable().crl(revocation.unreachableUrl("crl"));
    }

    /** A delegated OCSP responder (the {@code ocsp-signer} profile): OCSPSigning, ocsp-nocheck, no addresses. */
    public CertificateBuilder ocspSigning() {
        ocspNoCheck = true;
        ocspUrl = null;
        crlUrl = null;
        return extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning);
    }

    /** One more extension, as given (e.g. a critical extension a certificate of its kind has no use for). */
    public CertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extraExtensions.add(
                    new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Issued issue() {
        KeyPair subjectKeys = keys != null ? keys : defaultKeys.get();
        X500Name subjectName = new X500Name(subject);
        X500Name issuerName = issuer == null ? subjectName : name(issuer.certificate());
        PublicKey issuerKey =
                issuer == null ? subjectKeys.getPublic() : issuer.certificate().getPublicKey();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    new BigInteger(63, RANDOM).add(BigInteger.ONE),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subjectName,
                    subjectKeys.getPublic());
            builder.addExtension(
                    Extension.basicConstraints,
                    true,
                    ca && pathLength >= 0 ? new BasicConstraints(pathLength) : new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            if (!extendedKeyUsage.isEmpty()) {
                builder.addExtension(
                        Extension.extendedKeyUsage,
                        false,
                        new ExtendedKeyUsage(extendedKeyUsage.toArray(KeyPurposeId[]::new)));
            }
            builder.addExtension(
                    Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subjectKeys.getPublic()));
            if (issuer != null) { // a self-signed certificate names no authority key, as the card issuer's root
                builder.addExtension(
                        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerKey));
            }
            if (!policies.isEmpty()) {
                builder.addExtension(
                        Extension.certificatePolicies,
                        false,
                        new CertificatePolicies(policies.stream()
                                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                                .toArray(PolicyInformation[]::new)));
            }
            if (!alternativeNames.isEmpty()) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
            }
            if (crlUrl != null) {
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(new GeneralNames(location(crlUrl))), null, null)
                }));
            }
            if (ocspUrl != null) {
                builder.addExtension(
                        Extension.authorityInfoAccess,
                        false,
                        new AuthorityInformationAccess(AccessDescription.id_ad_ocsp, location(ocspUrl)));
            }
            if (ocspNoCheck) {
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
            for (Extension extension : extraExtensions) {
                builder.addExtension(extension);
            }
            KeyPair signer = issuer == null ? subjectKeys : issuer.keys();
            String algorithm = signatureAlgorithm != null ? signatureAlgorithm : defaultAlgorithm(signer);
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(signer.getPrivate())));
            return new Issued(certificate, subjectKeys, chain(certificate));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue the test certificate " + subject, e);
        }
    }

    private List<X509Certificate> chain(X509Certificate certificate) {
        List<X509Certificate> chain = new ArrayList<>(List.of(certificate));
        if (issuer != null && !isSelfSigned(issuer.certificate())) {
            chain.addAll(issuer.chain());
        }
        return chain;
    }

    private RevocationServer requireRevocation() {
        if (revocation == null) {
            throw new IllegalStateException("a bare certificate has no revocation server: name the URLs with ocsp()"
                    + " and crl(), or issue it from a TestPki");
        }
        return revocation;
    }

    private static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal());
    }

    private static X500Name name(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static GeneralName location(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static String defaultAlgorithm(KeyPair signer) {
        return "EC".equals(signer.getPrivate().getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }
}
