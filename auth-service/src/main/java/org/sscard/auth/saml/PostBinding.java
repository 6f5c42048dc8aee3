package org.sscard.auth.saml;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.w3c.dom.NodeList;

/**
 * The HTTP-POST binding, inbound (SAML bindings §3.5): {@code SAMLRequest} is base64 of the XML, signed with an
 * enveloped XML signature that must follow the SAML signature profile (OpenSAML's profile validator: one reference,
 * to the request's own ID, enveloped and exclusive-c14n transforms only) and verify with a certificate from the SP's
 * metadata; RSA with SHA-256, -384 or -512 and SHA-2 digests only.
 */
final class PostBinding {

    static final int MAX_ENCODED = 128 * 1024;
    private static final Set<String> SIGNATURES = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512);
    private static final Set<String> DIGESTS = Set.of(
            SignatureConstants.ALGO_ID_DIGEST_SHA256,
            SignatureConstants.ALGO_ID_DIGEST_SHA384,
            SignatureConstants.ALGO_ID_DIGEST_SHA512);

    private PostBinding() {}

    static InboundRequest decode(String samlRequest, String relayState) {
        if (samlRequest == null || samlRequest.length() > MAX_ENCODED) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "no SAMLRequest, or too large");
        }
        if (!(OpenSaml.parse(RedirectBinding.base64(samlRequest)) instanceof AuthnRequest request)) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "not an AuthnRequest");
        }
        return new InboundRequest(request, relayState, certificates -> verify(request, certificates));
    }

    private static void verify(AuthnRequest request, List<X509Certificate> certificates) {
        verifySignature(request, certificates);
    }

    /** An enveloped signature on {@code message} (SAML profile, SHA-2) verified by one of {@code certificates}. */
    static void verifySignature(SignableSAMLObject message, List<X509Certificate> certificates) {
        Signature signature = message.getSignature();
        if (signature == null) {
            throw InboundRequest.refused(SsoRefusal.UNSIGNED_REQUEST, "no enveloped signature");
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            throw InboundRequest.refused(SsoRefusal.BAD_SIGNATURE, "not a SAML-profile signature");
        }
        if (!SIGNATURES.contains(signature.getSignatureAlgorithm()) || !sha2Digests(signature)) {
            throw InboundRequest.refused(SsoRefusal.BAD_SIGNATURE, "signature or digest algorithm not allowed");
        }
        for (X509Certificate certificate : certificates) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return;
            } catch (SignatureException e) {
                // not this certificate
            }
        }
        throw InboundRequest.refused(SsoRefusal.BAD_SIGNATURE, "no registered certificate verifies the message");
    }

    private static boolean sha2Digests(Signature signature) {
        NodeList digests = signature.getDOM().getElementsByTagNameNS(SignatureConstants.XMLSIG_NS, "DigestMethod");
        for (int i = 0; i < digests.getLength(); i++) {
            String algorithm = ((org.w3c.dom.Element) digests.item(i)).getAttribute("Algorithm");
            if (!DIGESTS.contains(algorithm)) {
                return false;
            }
        }
        return digests.getLength() > 0;
    }
}
