package org.sscard.hospital.saml;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import org.sscard.common.xml.SamlMetadata;
import org.sscard.common.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Reads the IdP's metadata (one md:EntityDescriptor with one SAML 2.0 IDPSSODescriptor) with a parser that refuses
 * DTDs and external entities. Anything unusable is an error: the SP then trusts nobody rather than guessing.
 */
final class IdpMetadataParser {

    static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private IdpMetadataParser() {}

    static IdpDescriptor parse(byte[] metadata) {
        Element root = document(metadata).getDocumentElement();
        require(SamlMetadata.isEntityDescriptor(root), "the root is not an md:EntityDescriptor");
        String entityId = root.getAttribute("entityID");
        require(!entityId.isBlank(), "no entityID");
        List<Element> idps = SamlMetadata.children(root, "IDPSSODescriptor");
        require(idps.size() == 1, "not exactly one IDPSSODescriptor");
        Element idp = idps.get(0);
        require(SamlMetadata.supportsSaml2(idp), "the IDPSSODescriptor does not support SAML 2.0");
        String sso = SamlMetadata.children(idp, "SingleSignOnService").stream()
                .filter(s -> REDIRECT.equals(s.getAttribute("Binding")))
                .map(s -> s.getAttribute("Location"))
                .filter(location -> location.startsWith("https://") || location.startsWith("http://"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "IdP metadata: no SingleSignOnService on the HTTP-Redirect binding"));
        String slo = SamlMetadata.children(idp, "SingleLogoutService").stream()
                .filter(s -> REDIRECT.equals(s.getAttribute("Binding")))
                .map(s -> s.getAttribute("Location"))
                .filter(location -> location.startsWith("https://") || location.startsWith("http://"))
                .findFirst()
                .orElse(null);
        return new IdpDescriptor(entityId, sso, slo, signingCertificates(idp));
    }

    private static List<X509Certificate> signingCertificates(Element idp) {
        try {
            return SamlMetadata.signingCertificates(idp);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("IdP metadata: a signing certificate cannot be read", e);
        }
    }

    private static Document document(byte[] metadata) {
        try {
            return SecureXml.parse(metadata);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("IdP metadata: not well-formed XML without a DTD", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("IdP metadata: " + message);
        }
    }
}
