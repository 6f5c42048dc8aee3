package org.sscard.issuer.ca;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
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
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.sscard.issuer.profile.CertificateProfile;
import org.sscard.issuer.profile.CertificateProfile.ExtendedKeyUsageName;
import org.sscard.issuer.profile.CertificateProfile.KeyUsageName;
import org.sscard.issuer.profile.CertificateSubject;

/** Builds and signs X.509 certificates: the CA's own (root, issuing) and end entities from a profile. */
public class CertificateMinter {

    /** Certificates start a little in the past so that a relying party whose clock lags still accepts them. */
    static final long BACKDATE_SECONDS = 300;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CaKeyStore keyStore;

    public CertificateMinter(CaKeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** A positive 127-bit random serial: unpredictable (CA/B BR style) and within RFC 5280's 20 octets. */
    public static BigInteger newSerial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    public X509Certificate root(CaProperties ca, X500Name name, java.security.KeyPair keys, Instant now) {
        return ca(
                name,
                name,
                keys.getPublic(),
                keys.getPrivate(),
                null,
                now,
                now.atZone(ZoneOffset.UTC).plus(ca.rootValidity()).toInstant(),
                -1,
                null);
    }

    /** The issuing CA: pathLen 0, anyPolicy, and the root's ARL as its CRL distribution point. */
    public X509Certificate issuingCa(
            X500Name name, PublicKey key, CaKeyStore.Entry root, Instant notAfter, String rootCrlUrl, Instant now) {
        X509Certificate rootCert = root.certificate();
        return ca(
                X500Name.getInstance(rootCert.getSubjectX500Principal().getEncoded()),
                name,
                key,
                root.privateKey(),
                rootCert,
                now,
                notAfter,
                0,
                rootCrlUrl);
    }

    private X509Certificate ca(
            X500Name issuer,
            X500Name subject,
            PublicKey key,
            java.security.PrivateKey signer,
            X509Certificate issuerCert,
            Instant now,
            Instant notAfter,
            int pathLength,
            String crlUrl) {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    issuer,
                    newSerial(),
                    Date.from(now.minusSeconds(BACKDATE_SECONDS)),
                    Date.from(notAfter),
                    subject,
                    org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getEncoded()));
            builder.addExtension(
                    Extension.basicConstraints,
                    true,
                    pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            if (issuerCert != null) {
                builder.addExtension(
                        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
                builder.addExtension(
                        Extension.certificatePolicies,
                        false,
                        new CertificatePolicies(new PolicyInformation(new ASN1ObjectIdentifier("2.5.29.32.0"))));
                builder.addExtension(Extension.cRLDistributionPoints, false, crlDistributionPoint(crlUrl));
            }
            return sign(builder, signer);
        } catch (CertIOException | java.security.NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot build a CA certificate", e);
        }
    }

    /** An end-entity certificate for the subject, as the profile says, signed by the issuing CA. */
    public X509Certificate endEntity(
            CertificateProfile profile,
            CertificateSubject subject,
            PublicKey key,
            BigInteger serial,
            CaKeyStore.Entry issuing,
            CaProperties ca,
            Instant now) {
        X509Certificate issuerCert = issuing.certificate();
        Instant notBefore = now.minusSeconds(BACKDATE_SECONDS);
        Instant notAfter = now.atZone(ZoneOffset.UTC).plus(profile.validity()).toInstant();
        if (notAfter.isAfter(issuerCert.getNotAfter().toInstant())) {
            notAfter = issuerCert.getNotAfter().toInstant(); // never outlive the issuing CA
        }
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    issuerCert, serial, Date.from(notBefore), Date.from(notAfter), subject.name(), key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsageBits(profile)));
            builder.addExtension(
                    Extension.extendedKeyUsage,
                    false,
                    new ExtendedKeyUsage(profile.extendedKeyUsage().stream()
                            .map(CertificateMinter::purpose)
                            .toArray(KeyPurposeId[]::new)));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
            builder.addExtension(
                    Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
            if (!profile.policies().isEmpty()) {
                builder.addExtension(
                        Extension.certificatePolicies,
                        false,
                        new CertificatePolicies(profile.policies().stream()
                                .map(oid -> new PolicyInformation(new ASN1ObjectIdentifier(oid)))
                                .toArray(PolicyInformation[]::new)));
            }
            if (!subject.alternativeNames().isEmpty()) {
                builder.addExtension(
                        Extension.subjectAlternativeName,
                        false,
                        new GeneralNames(subject.alternativeNames().toArray(GeneralName[]::new)));
            }
            if (profile.crlDistributionPoint()) {
                builder.addExtension(
                        Extension.cRLDistributionPoints, false, crlDistributionPoint(ca.crlUrl("issuing")));
            }
            if (profile.ocspLocation()) {
                builder.addExtension(
                        Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                            new AccessDescription(AccessDescription.id_ad_ocsp, uri(ca.ocspUrl())),
                            new AccessDescription(
                                    AccessDescription.id_ad_caIssuers, uri(ca.caCertificateUrl("issuing")))
                        }));
            }
            if (profile.ocspNoCheck()) {
                builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            }
            return sign(builder, issuing.privateKey());
        } catch (CertIOException | java.security.NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException("cannot build a certificate", e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, java.security.PrivateKey signer) {
        try {
            JcaContentSignerBuilder signerBuilder = new JcaContentSignerBuilder(signatureAlgorithm(signer));
            keyStore.signingProvider().ifPresent(signerBuilder::setProvider);
            ContentSigner contentSigner = signerBuilder.build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
        }
    }

    public static String signatureAlgorithm(java.security.PrivateKey key) {
        return "EC".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    private static CRLDistPoint crlDistributionPoint(String url) {
        return new CRLDistPoint(new DistributionPoint[] {
            new DistributionPoint(new DistributionPointName(new GeneralNames(uri(url))), null, null)
        });
    }

    private static GeneralName uri(String url) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, url);
    }

    private static int keyUsageBits(CertificateProfile profile) {
        int bits = 0;
        for (KeyUsageName usage : profile.keyUsage()) {
            bits |= switch (usage) {
                case digitalSignature -> KeyUsage.digitalSignature;
                case nonRepudiation -> KeyUsage.nonRepudiation;
                case keyEncipherment -> KeyUsage.keyEncipherment;
                case dataEncipherment -> KeyUsage.dataEncipherment;
                case keyAgreement -> KeyUsage.keyAgreement;
            };
        }
        return bits;
    }

    private static KeyPurposeId purpose(ExtendedKeyUsageName name) {
        return switch (name) {
            case clientAuth -> KeyPurposeId.id_kp_clientAuth;
            case serverAuth -> KeyPurposeId.id_kp_serverAuth;
            case OCSPSigning -> KeyPurposeId.id_kp_OCSPSigning;
        };
    }
}
