package org.sscard.auth.certificate;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A certification path that PKIX accepted: the certificates from the end entity up (the anchor not included), the
 * anchor it ends at, the validation time, and the end entity's valid policies: the policies of the PKIX valid-policy
 * tree at the end entity's depth (RFC 5280 §6.1), i.e. what the whole path vouches for, not merely what the end
 * entity's own certificatePolicies extension claims; empty when the tree is NULL. Revocation checkers get it as their
 * context; the login profiles read the card policy from it.
 */
public record ValidatedPath(
        List<X509Certificate> certificates, TrustAnchor anchor, Instant at, Set<String> validPolicies) {

    public ValidatedPath {
        certificates = List.copyOf(certificates);
        validPolicies = Set.copyOf(validPolicies);
    }

    /** A path vouching for no policy. */
    public ValidatedPath(List<X509Certificate> certificates, TrustAnchor anchor, Instant at) {
        this(certificates, anchor, at, Set.of());
    }

    /** The same path, validated again at {@code later}. */
    public ValidatedPath at(Instant later) {
        return new ValidatedPath(certificates, anchor, later, validPolicies);
    }

    public X509Certificate endEntity() {
        return certificates.get(0);
    }

    /** The certificate that issued the one at {@code index}: the next one up, or the anchor's. */
    public X509Certificate issuerOf(int index) {
        return index + 1 < certificates.size() ? certificates.get(index + 1) : anchor.getTrustedCert();
    }
}
