package org.sscard.hospital.saml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.sscard.common.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the IdP's metadata (one md:EntityDescriptor with one SAML 2.0 IDPSSODescriptor) with a parser that refuses
 * DTDs and external entities. Anything unusable is an error: the SP then trusts nobody rather than guessing.
 */
final class IdpMetadataParser {

    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

    private IdpMetadataParser() {}

    static IdpDescriptor parse(byte[] metadata) {
        Element root = document(metadata).getDocumentElement();
        require(
                MD.equals(root.getNamespaceURI()) && "EntityDescriptor".equals(root.getLocalName()),
                "the root is not an md:EntityDescriptor");
        String entityId = root.getAttribute("entityID");
        require(!entityId.isBlank(), "no entityID");
        List<Element> idps = children(root, "IDPSSODescriptor");
        require(idps.size() == 1, "not exactly one IDPSSODescriptor");
        Element idp = idps.get(0);
        require(
                List.of(idp.getAttribute("protocolSupportEnumeration").split("\\s+"))
                        .contains(PROTOCOL),
                "the IDPSSODescriptor does not support SAML 2.0");
        String sso = children(idp, "SingleSignOnService").stream()
                .filter(s -> REDIRECT.equals(s.getAttribute("Binding")))
                .map(s -> s.getAttribute("Location"))
                .filter(location -> location.startsWith("https://") || location.startsWith("http://"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "IdP metadata: no SingleSignOnService on the HTTP-Redirect binding"));
        return new IdpDescriptor(entityId, sso, signingCertificates(idp));
    }

    private static List<X509Certificate> signingCertificates(Element idp) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : children(idp, "KeyDescriptor")) {
            String use = key.getAttribute("use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            NodeList values = key.getElementsByTagNameNS(DS, "X509Certificate");
            for (int i = 0; i < values.getLength(); i++) {
                try {
                    byte[] der = java.util.Base64.getMimeDecoder()
                            .decode(values.item(i).getTextContent().strip());
                    certificates.add((X509Certificate)
                            CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der)));
                } catch (CertificateException | IllegalArgumentException e) {
                    throw new IllegalArgumentException("IdP metadata: a signing certificate cannot be read", e);
                }
            }
        }
        return certificates;
    }

    private static Document document(byte[] metadata) {
        try {
            return SecureXml.parse(metadata);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("IdP metadata: not well-formed XML without a DTD", e);
        }
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && MD.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("IdP metadata: " + message);
        }
    }
}
