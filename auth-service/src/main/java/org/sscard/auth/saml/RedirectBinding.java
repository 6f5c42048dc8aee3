package org.sscard.auth.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

/**
 * The HTTP-Redirect binding, inbound (SAML bindings §3.4): {@code SAMLRequest} is base64 of raw DEFLATE, inflated
 * to at most 64 KiB; the signature is over the query string itself, {@code SAMLRequest=…&RelayState=…&SigAlg=…}
 * exactly as received (§3.4.4.1), RSA with SHA-256, -384 or -512 (no SHA-1). A signature inside the XML is ignored,
 * as the binding says.
 */
final class RedirectBinding {

    static final int MAX_INFLATED = 64 * 1024;
    private static final Map<String, String> ALGORITHMS = Map.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256, "SHA256withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384, "SHA384withRSA",
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512, "SHA512withRSA");

    private RedirectBinding() {}

    static InboundRequest decode(String rawQuery) {
        Inbound inbound = decodeMessage(rawQuery);
        if (!(inbound.message() instanceof AuthnRequest request)) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "not an AuthnRequest");
        }
        return new InboundRequest(request, inbound.relayState(), inbound.signature());
    }

    /** Any SAML request on this binding (an AuthnRequest, a LogoutRequest), its RelayState and its signature check. */
    record Inbound(XMLObject message, String relayState, InboundRequest.SignatureCheck signature) {}

    static Inbound decodeMessage(String rawQuery) {
        Map<String, String> raw = rawParameters(rawQuery);
        String samlRequest = raw.get("SAMLRequest");
        if (samlRequest == null) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "no SAMLRequest");
        }
        XMLObject message = OpenSaml.parse(inflate(base64(urlDecode(samlRequest))));
        if (message == null) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "not a SAML message");
        }
        String relayState = raw.containsKey("RelayState") ? urlDecode(raw.get("RelayState")) : null;
        return new Inbound(message, relayState, certificates -> verify(raw, certificates));
    }

    private static void verify(Map<String, String> raw, List<X509Certificate> certificates) {
        String sigAlg = raw.get("SigAlg");
        String signature = raw.get("Signature");
        if (sigAlg == null || signature == null) {
            throw InboundRequest.refused(SsoRefusal.UNSIGNED_REQUEST, "no query-string signature");
        }
        String algorithm = ALGORITHMS.get(urlDecode(sigAlg));
        if (algorithm == null) {
            throw InboundRequest.refused(SsoRefusal.BAD_SIGNATURE, "signature algorithm not allowed");
        }
        byte[] signed = ("SAMLRequest=" + raw.get("SAMLRequest")
                        + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
                        + "&SigAlg=" + sigAlg)
                .getBytes(StandardCharsets.UTF_8);
        byte[] value = base64(urlDecode(signature));
        for (X509Certificate certificate : certificates) {
            try {
                Signature verifier = Signature.getInstance(algorithm);
                verifier.initVerify(certificate.getPublicKey());
                verifier.update(signed);
                if (verifier.verify(value)) {
                    return;
                }
            } catch (GeneralSecurityException e) {
                // not this certificate
            }
        }
        throw InboundRequest.refused(SsoRefusal.BAD_SIGNATURE, "no registered certificate verifies the query");
    }

    /** Name → value as received (still URL-encoded); a repeated parameter is refused. */
    private static Map<String, String> rawParameters(String query) {
        Map<String, String> raw = new HashMap<>();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && raw.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "repeated parameter");
            }
        }
        return raw;
    }

    private static String urlDecode(String urlEncoded) {
        try {
            return URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "bad URL encoding");
        }
    }

    static byte[] base64(String value) {
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "bad base64");
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "truncated DEFLATE data");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "inflated request too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw InboundRequest.refused(SsoRefusal.MALFORMED_REQUEST, "not DEFLATE data");
        } finally {
            inflater.end();
        }
    }
}
