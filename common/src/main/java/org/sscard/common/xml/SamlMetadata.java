package org.sscard.common.xml;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reading SAML 2.0 metadata (parsed with {@link SecureXml}) the same way wherever it is checked: the relay checks an
 * SP's metadata at registration, an SP reads the IdP's. Only the md: elements a caller asks for are looked at.
 */
public final class SamlMetadata {

    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";

    private SamlMetadata() {}

    public static boolean isEntityDescriptor(Element root) {
        return MD.equals(root.getNamespaceURI()) && "EntityDescriptor".equals(root.getLocalName());
    }

    /** The direct md: children of {@code parent} called {@code localName}, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && MD.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** Whether a role descriptor (IDPSSODescriptor, SPSSODescriptor) lists SAML 2.0 among its protocols. */
    public static boolean supportsSaml2(Element roleDescriptor) {
        return List.of(roleDescriptor.getAttribute("protocolSupportEnumeration").split("\\s+"))
                .contains(PROTOCOL);
    }

    /**
     * The certificates of a role descriptor's signing keys: every ds:X509Certificate of a KeyDescriptor whose
     * {@code use} is {@code signing} or absent (absent means both uses). One that cannot be read is an error, not
     * skipped: metadata is either usable as a whole or refused.
     */
    public static List<X509Certificate> signingCertificates(Element roleDescriptor) throws CertificateException {
        List<X509Certificate> certificates = new ArrayList<>();
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        for (Element key : children(roleDescriptor, "KeyDescriptor")) {
            String use = key.getAttribute("use");
            if (!use.isEmpty() && !"signing".equals(use)) {
                continue;
            }
            NodeList values = key.getElementsByTagNameNS(DS, "X509Certificate");
            for (int i = 0; i < values.getLength(); i++) {
                byte[] der;
                try {
                    der = Base64.getMimeDecoder()
                            .decode(values.item(i).getTextContent().strip());
                } catch (IllegalArgumentException e) {
                    throw new CertificateException("a ds:X509Certificate is not base64", e);
                }
                certificates.add((X509Certificate) x509.generateCertificate(new ByteArrayInputStream(der)));
            }
        }
        return certificates;
    }
}
