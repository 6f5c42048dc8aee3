package org.sscard.hospital.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import javax.xml.namespace.QName;
import net.shibboleth.utilities.java.support.xml.SerializeSupport;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.core.xml.io.MarshallingException;
import org.opensaml.saml.common.SAMLObjectContentReference;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.security.impl.SAMLSignatureProfileValidator;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.SignatureException;
import org.opensaml.xmlsec.signature.support.SignatureValidator;
import org.opensaml.xmlsec.signature.support.Signer;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.sscard.common.xml.SecureXml;
import org.w3c.dom.Element;

/**
 * The SAML messages of single logout, with OpenSAML 4.0.1 (its HTTP bindings need javax.servlet, so the bindings are
 * written here): parse (the platform's hardened parser), verify an enveloped signature (SAML profile, RSA with SHA-2)
 * against the IdP's certificates, sign enveloped with this SP's key, the SOAP 1.1 envelope of the back channel, and a
 * Redirect-binding URL with its query-string signature (SAML bindings §3.4.4.1).
 */
final class LogoutMessages {

    static final String RSA_SHA256 = SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256;
    private static final Set<String> SIGNATURES = Set.of(
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA384,
            SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA512);
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        OpenSamlInitializationService.initialize();
    }

    private LogoutMessages() {}

    @SuppressWarnings("unchecked")
    static <T extends XMLObject> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilderOrThrow(name)
                .buildObject(name);
    }

    static String newId() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return "_" + HexFormat.of().formatHex(bytes);
    }

    /** Null for anything that is not well-formed, DTD-free XML that OpenSAML knows. */
    static XMLObject parse(byte[] xml) {
        try {
            Element root = SecureXml.parse(xml).getDocumentElement();
            var unmarshaller =
                    XMLObjectProviderRegistrySupport.getUnmarshallerFactory().getUnmarshaller(root);
            return unmarshaller == null ? null : unmarshaller.unmarshall(root);
        } catch (Exception e) {
            return null;
        }
    }

    static boolean signedByOneOf(SignableSAMLObject message, List<X509Certificate> certificates) {
        Signature signature = message.getSignature();
        if (signature == null || !SIGNATURES.contains(signature.getSignatureAlgorithm())) {
            return false;
        }
        try {
            new SAMLSignatureProfileValidator().validate(signature);
        } catch (SignatureException e) {
            return false;
        }
        for (X509Certificate certificate : certificates) {
            try {
                SignatureValidator.validate(signature, new BasicX509Credential(certificate));
                return true;
            } catch (SignatureException e) {
                // not this certificate
            }
        }
        return false;
    }

    static String signed(SignableSAMLObject message, SpSigningKey key) {
        try {
            BasicX509Credential credential = new BasicX509Credential(key.certificate(), key.privateKey());
            Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
            signature.setSigningCredential(credential);
            signature.setSignatureAlgorithm(RSA_SHA256);
            signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            message.setSignature(signature);
            ((SAMLObjectContentReference) signature.getContentReferences().get(0))
                    .setDigestAlgorithm(SignatureConstants.ALGO_ID_DIGEST_SHA256);
            Element dom = marshal(message);
            Signer.signObject(signature);
            return SerializeSupport.nodeToString(dom);
        } catch (SignatureException e) {
            throw new IllegalStateException("cannot sign the SAML message", e);
        }
    }

    static Element marshal(XMLObject object) {
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory()
                    .getMarshaller(object)
                    .marshall(object);
        } catch (MarshallingException e) {
            throw new IllegalStateException("cannot marshal " + object.getElementQName(), e);
        }
    }

    /** SAML SOAP binding: the message as the only child of a SOAP 1.1 Body. */
    static String soapEnvelope(String messageXml) {
        String message =
                messageXml.startsWith("<?xml") ? messageXml.substring(messageXml.indexOf("?>") + 2) : messageXml;
        return "<soap11:Envelope xmlns:soap11=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap11:Body>" + message
                + "</soap11:Body></soap11:Envelope>";
    }

    /** The HTTP-Redirect binding: {@code location?SAMLRequest=…&SigAlg=…&Signature=…}, signed with this SP's key. */
    static String redirectUrl(String location, XMLObject request, SpSigningKey key) {
        String xml = SerializeSupport.nodeToString(marshal(request));
        String query = "SAMLRequest=" + encode(Base64.getEncoder().encodeToString(deflate(xml))) + "&SigAlg="
                + encode(RSA_SHA256);
        try {
            java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
            signer.initSign(key.privateKey());
            signer.update(query.getBytes(StandardCharsets.US_ASCII));
            return location + (location.contains("?") ? "&" : "?") + query + "&Signature="
                    + encode(Base64.getEncoder().encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the LogoutRequest", e);
        }
    }

    private static byte[] deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
