package org.sscard.auth.certificate.revocation;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.sscard.auth.certificate.AlgorithmFloor;

/**
 * Decides whether an OCSP response may speak for certificates of this issuer (RFC 6960 §4.2.2.2): signed by the CA
 * itself, or by a delegated responder whose certificate the CA issued for OCSPSigning and that is valid now. The
 * delegated responder's own status is not checked, so we require id-pkix-ocsp-nocheck on it — the CA's promise
 * that it is short-lived; without it the response is not trusted (fail closed, the CRL is asked next). The response's
 * signature, the responder certificate's signature and the signing key meet the same algorithm floor as the
 * certificates of a path ({@link AlgorithmFloor}): a status is worth no more than the weakest signature vouching for it.
 */
final class OcspResponderTrust {

    /** Why a response is not trusted; the checker turns it into an Unknown status. */
    static final class UntrustedResponse extends Exception {
        UntrustedResponse(String message) {
            super(message);
        }
    }

    private OcspResponderTrust() {}

    static void verify(BasicOCSPResp response, X509Certificate issuer, Instant at, AlgorithmFloor floor)
            throws Exception {
        requireStrong(floor.weakSignature(response.getSignatureAlgorithmID()), "response");
        X509CertificateHolder ca = new JcaX509CertificateHolder(issuer);
        if (isResponder(response.getResponderId(), ca)) {
            requireStrong(floor.weakKey(issuer.getPublicKey()), "the CA's key");
            requireSignedBy(response, issuer.getPublicKey(), "the CA");
            return;
        }
        for (X509CertificateHolder candidate : response.getCerts()) {
            if (isResponder(response.getResponderId(), candidate)) {
                requireDelegated(candidate, ca, issuer.getPublicKey(), at);
                String name = candidate.getSubject().toString();
                PublicKey key = new JcaX509CertificateConverter()
                        .getCertificate(candidate)
                        .getPublicKey();
                requireStrong(floor.weakSignature(candidate.getSignatureAlgorithm()), "responder certificate " + name);
                requireStrong(floor.weakKey(key), "responder " + name);
                requireSignedBy(response, key, name);
                return;
            }
        }
        throw new UntrustedResponse("responder is neither the CA nor a certificate in the response");
    }

    private static void requireDelegated(
            X509CertificateHolder responder, X509CertificateHolder ca, PublicKey caKey, Instant at) throws Exception {
        String name = responder.getSubject().toString();
        if (!responder.getIssuer().equals(ca.getSubject())
                || !responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(caKey))) {
            throw new UntrustedResponse("responder " + name + " was not issued by the certificate's CA");
        }
        ExtendedKeyUsage eku = ExtendedKeyUsage.fromExtensions(responder.getExtensions());
        if (eku == null || !eku.hasKeyPurposeId(KeyPurposeId.id_kp_OCSPSigning)) {
            throw new UntrustedResponse("responder " + name + " lacks EKU OCSPSigning");
        }
        if (!responder.isValidOn(Date.from(at))) {
            throw new UntrustedResponse("responder " + name + " is not valid at " + at);
        }
        if (responder.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck) == null) {
            throw new UntrustedResponse("responder " + name + " has no ocsp-nocheck, its own status is unknown");
        }
    }

    private static void requireStrong(String weakness, String where) throws UntrustedResponse {
        if (weakness != null) {
            throw new UntrustedResponse(weakness + " in the " + where + ", below the algorithm floor");
        }
    }

    private static void requireSignedBy(BasicOCSPResp response, PublicKey key, String who) throws Exception {
        if (!response.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
            throw new UntrustedResponse("response signature does not verify with the key of " + who);
        }
    }

    private static boolean isResponder(RespID id, X509CertificateHolder cert) throws Exception {
        DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
        return id.equals(new RespID(cert.getSubject())) || id.equals(new RespID(cert.getSubjectPublicKeyInfo(), sha1));
    }
}
