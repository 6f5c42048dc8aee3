package org.sscard.hospital.saml;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What the SP takes from the platform IdP's metadata: its entity ID (the only Issuer accepted), its SSO endpoint on
 * the HTTP-Redirect binding, its single logout endpoint on the same binding (or null), and the certificates its
 * Responses and Assertions must be signed with.
 */
record IdpDescriptor(
        String entityId, String ssoRedirectUrl, String sloRedirectUrl, List<X509Certificate> signingCertificates) {

    IdpDescriptor {
        signingCertificates = List.copyOf(signingCertificates);
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("the IdP metadata names no signing certificate");
        }
    }
}
