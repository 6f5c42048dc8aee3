package org.sscard.auth.login;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * What the login profiles read from a card's certificate (already path-validated); the policies are the path's
 * valid policies at the card, from the PKIX policy tree.
 */
record CardCertificate(
        String serialHex,
        String sha256Hex,
        Set<String> policies,
        boolean clientAuth,
        Map<ASN1ObjectIdentifier, List<String>> subject,
        boolean subjectWellFormed) {

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    static CardCertificate of(X509Certificate certificate, Set<String> validPolicies) {
        return new CardCertificate(
                        certificate.getSerialNumber().toString(16),
                        sha256(certificate),
                        validPolicies,
                        clientAuth(certificate),
                        new LinkedHashMap<>(),
                        true)
                .withSubject(certificate);
    }

    /** The attribute's only value; empty if it is absent or repeated. */
    java.util.Optional<String> single(ASN1ObjectIdentifier attribute) {
        List<String> values = subject.getOrDefault(attribute, List.of());
        return values.size() == 1 ? java.util.Optional.of(values.get(0)) : java.util.Optional.empty();
    }

    private CardCertificate withSubject(X509Certificate certificate) {
        boolean wellFormed = true;
        for (RDN rdn : X500Name.getInstance(
                        certificate.getSubjectX500Principal().getEncoded())
                .getRDNs()) {
            if (rdn.isMultiValued() || !(rdn.getFirst().getValue() instanceof ASN1String value)) {
                wellFormed = false;
                continue;
            }
            subject.computeIfAbsent(rdn.getFirst().getType(), t -> new ArrayList<>())
                    .add(value.getString());
        }
        return new CardCertificate(serialHex, sha256Hex, policies, clientAuth, Map.copyOf(subject), wellFormed);
    }

    private static boolean clientAuth(X509Certificate certificate) {
        try {
            List<String> usages = certificate.getExtendedKeyUsage();
            return usages != null && usages.contains(CLIENT_AUTH);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }
}
