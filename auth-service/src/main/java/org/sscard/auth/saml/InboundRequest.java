package org.sscard.auth.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import org.opensaml.saml.saml2.core.AuthnRequest;

/**
 * An AuthnRequest as one binding delivered it: the request, the RelayState, and how to check its signature once the
 * SP (and so its certificates) is known from the request's Issuer.
 */
record InboundRequest(AuthnRequest request, String relayState, SignatureCheck signature) {

    /** Throws {@link SsoRefusedException} (UNSIGNED_REQUEST or BAD_SIGNATURE) unless one certificate verifies it. */
    @FunctionalInterface
    interface SignatureCheck {
        void verify(List<X509Certificate> certificates);
    }

    static SsoRefusedException refused(SsoRefusal refusal, String detail) {
        return new SsoRefusedException(refusal, detail);
    }
}
