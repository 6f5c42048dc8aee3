package org.sscard.auth.certificate;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A throw-away PKI for tests: keys generated at run time, nothing on disk. */
final class TestPki {

    record Issued(X509Certificate cert, KeyPair keys) {}

    private static final AtomicLong serials = new AtomicLong(System.nanoTime() & 0xffffffL);

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static CertBuilder cert(String commonName, KeyPair keys) {
        return new CertBuilder(commonName, keys);
    }

    static X509CRL crl(Issued issuer, Instant now, Map<BigInteger, Integer> revokedWithReason) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                new JcaX509CertificateHolder(issuer.cert()).getSubject(), Date.from(now.minus(Duration.ofHours(1))));
        builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(1))));
        revokedWithReason.forEach(
                (serial, reason) -> builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofMinutes(30))), reason));
        return new JcaX509CRLConverter()
                .getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA")
                        .build(issuer.keys().getPrivate())));
    }

    static final class CertBuilder {
        private final String commonName;
        private final KeyPair keys;
        private Issued issuer;
        private boolean ca;
        private Instant notBefore = Instant.now().minus(Duration.ofDays(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(30));
        private String signatureAlgorithm = "SHA256withRSA";
        private String ocspUrl;
        private String crlUrl;
        private boolean ocspSigner;

        private CertBuilder(String commonName, KeyPair keys) {
            this.commonName = commonName;
            this.keys = keys;
        }

        CertBuilder issuedBy(Issued issuer) {
            this.issuer = issuer;
            return this;
        }

        CertBuilder ca() {
            this.ca = true;
            return this;
        }

        CertBuilder valid(Instant from, Instant to) {
            notBefore = from;
            notAfter = to;
            return this;
        }

        CertBuilder signedWith(String algorithm) {
            signatureAlgorithm = algorithm;
            return this;
        }

        CertBuilder ocsp(String url) {
            ocspUrl = url;
            return this;
        }

        CertBuilder crl(String url) {
            crlUrl = url;
            return this;
        }

        CertBuilder ocspSigner() {
            ocspSigner = true;
            return this;
        }

        Issued issue() throws Exception {
            X500Name subject = new X500Name("CN=" + commonName + ",O=sscard test,C=JP");
            X500Name issuerName = issuer == null ? subject : new JcaX509CertificateHolder(issuer.cert()).getSubject();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerName,
                    BigInteger.valueOf(serials.incrementAndGet()),
                    Date.from(notBefore),
                    Date.from(notAfter),
                    subject,
                    keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (ocspSigner) {
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            } else if (!ca) {
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            if (ocspUrl != null) {
                builder.addExtension(
                        Extension.authorityInfoAccess,
                        false,
                        new AuthorityInformationAccess(
                                AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl)));
            }
            if (crlUrl != null) {
                GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                    new DistributionPoint(new DistributionPointName(names), null, null)
                }));
            }
            KeyPair signer = issuer == null ? keys : issuer.keys();
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(signer.getPrivate())));
            return new Issued(cert, keys);
        }
    }

    static List<X509Certificate> certs(Issued... issued) {
        List<X509Certificate> certs = new ArrayList<>();
        for (Issued i : issued) {
            certs.add(i.cert());
        }
        return certs;
    }
}
