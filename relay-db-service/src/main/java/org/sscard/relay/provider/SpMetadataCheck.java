package org.sscard.relay.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.sscard.common.web.CommonError;
import org.sscard.common.xml.SecureXml;
import org.sscard.relay.error.RelayException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a SAML provider's SP metadata when it is registered, so that the IdP never meets metadata it cannot use:
 * one md:EntityDescriptor (no DTD, no external entities) whose entityID is the provider's {@code samlEntityId},
 * with an SPSSODescriptor for SAML 2.0 that has a signing certificate (the IdP wants signed AuthnRequests) and
 * assertion consumer services on the HTTP-POST binding, one of them the provider's {@code samlAcsUrl}.
 */
final class SpMetadataCheck {

    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private SpMetadataCheck() {}

    static void check(String metadata, String entityId, String acsUrl) {
        Element root = parse(metadata).getDocumentElement();
        require(
                MD.equals(root.getNamespaceURI()) && "EntityDescriptor".equals(root.getLocalName()),
                "samlSpMetadata: the root must be an md:EntityDescriptor");
        require(
                root.getAttribute("entityID").equals(entityId),
                "samlSpMetadata: its entityID must be the provider's samlEntityId");
        List<Element> sps = children(root, MD, "SPSSODescriptor");
        require(sps.size() == 1, "samlSpMetadata: exactly one SPSSODescriptor");
        Element sp = sps.get(0);
        require(
                List.of(sp.getAttribute("protocolSupportEnumeration").split("\\s+"))
                        .contains(PROTOCOL),
                "samlSpMetadata: the SPSSODescriptor must support SAML 2.0");
        List<String> postAcs = new ArrayList<>();
        for (Element acs : children(sp, MD, "AssertionConsumerService")) {
            if (POST.equals(acs.getAttribute("Binding"))) {
                require(
                        acs.getAttribute("Location").matches("https?://[^\\s]{1,490}"),
                        "samlSpMetadata: an AssertionConsumerService Location is not an http(s) URL");
                postAcs.add(acs.getAttribute("Location"));
            }
        }
        require(
                postAcs.contains(acsUrl),
                "samlSpMetadata: samlAcsUrl must be one of its HTTP-POST AssertionConsumerService locations");
        require(signingCertificates(sp) > 0, "samlSpMetadata: a signing certificate (KeyDescriptor) is required");
    }

    private static int signingCertificates(Element sp) {
        int count = 0;
        for (Element key : children(sp, MD, "KeyDescriptor")) {
            if (!key.getAttribute("use").isEmpty() && !"signing".equals(key.getAttribute("use"))) {
                continue;
            }
            NodeList certificates = key.getElementsByTagNameNS(DS, "X509Certificate");
            for (int i = 0; i < certificates.getLength(); i++) {
                try {
                    byte[] der = Base64.getMimeDecoder()
                            .decode(certificates.item(i).getTextContent().strip());
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
                    count++;
                } catch (CertificateException | IllegalArgumentException e) {
                    throw new RelayException(
                            CommonError.INVALID_FIELD, "samlSpMetadata: a signing certificate cannot be read");
                }
            }
        }
        return count;
    }

    private static Document parse(String metadata) {
        try {
            return SecureXml.parse(metadata);
        } catch (SAXException | IOException e) {
            throw new RelayException(CommonError.INVALID_FIELD, "samlSpMetadata: not well-formed XML without a DTD");
        }
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e
                    && namespace.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RelayException(CommonError.INVALID_FIELD, message);
        }
    }
}
