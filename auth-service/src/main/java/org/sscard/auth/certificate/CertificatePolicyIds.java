package org.sscard.auth.certificate;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

/** The policy OIDs an end-entity certificate asserts (its certificatePolicies extension); none if unreadable. */
public final class CertificatePolicyIds {

    private CertificatePolicyIds() {}

    public static Set<String> of(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.certificatePolicies.getId());
        if (extension == null) {
            return Set.of();
        }
        try {
            CertificatePolicies policies =
                    CertificatePolicies.getInstance(JcaX509ExtensionUtils.parseExtensionValue(extension));
            return Arrays.stream(policies.getPolicyInformation())
                    .map(PolicyInformation::getPolicyIdentifier)
                    .map(ASN1ObjectIdentifier::getId)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException | IllegalArgumentException e) {
            return Set.of();
        }
    }
}
