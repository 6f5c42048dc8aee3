package org.sscard.issuer.support;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** Builds OCSP requests the way relying parties do (SHA-1 CertID, optional 16-byte nonce) and reads answers. */
public final class OcspRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OcspRequests() {}

    public static CertificateID certificateId(X509Certificate issuer, BigInteger serial) throws Exception {
        return new CertificateID(
                new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer),
                serial);
    }

    public static byte[] newNonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    /** A DER OCSPRequest for one certificate; {@code nonce} null: none. */
    public static byte[] request(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        OCSPReqBuilder builder = new OCSPReqBuilder().addRequest(certificateId(issuer, serial));
        if (nonce != null) {
            builder.setRequestExtensions(new Extensions(new Extension(
                    OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded())))); // RFC 8954: an OCTET STRING
        }
        OCSPReq request = builder.build();
        return request.getEncoded();
    }

    public static OCSPResp response(byte[] der) throws Exception {
        return new OCSPResp(der);
    }

    public static BasicOCSPResp basic(byte[] der) throws Exception {
        OCSPResp response = new OCSPResp(der);
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw new AssertionError("OCSP responseStatus " + response.getStatus() + ", expected successful");
        }
        return (BasicOCSPResp) response.getResponseObject();
    }

    public static BigInteger serial(String hex) {
        return new BigInteger(hex, 16);
    }
}
