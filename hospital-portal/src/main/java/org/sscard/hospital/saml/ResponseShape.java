package org.sscard.hospital.saml;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sscard.common.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The one shape of Response the platform IdP sends, checked on the raw XML before any signature is looked at:
 * a samlp:Response holding exactly one saml:Assertion as its direct child (none anywhere else, none encrypted),
 * every ID in the document unique, and each ds:Signature a direct child of the Response or the Assertion with a
 * single Reference to its parent's own ID; the Assertion must be signed. Signature-wrapping (XSW) attacks need a
 * second assertion, a duplicated ID or a moved signature, so they stop here whatever the signature code does.
 */
final class ResponseShape {

    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private ResponseShape() {}

    /** Throws {@link SamlRefusedException} unless {@code xml} has the expected shape. */
    static void check(String xml) {
        Document document = parse(xml);
        Element response = document.getDocumentElement();
        require(is(response, SAMLP, "Response"), SamlRefusal.MALFORMED_RESPONSE, "the root is not a samlp:Response");
        requireUniqueIds(response, new HashSet<>());
        NodeList assertions = document.getElementsByTagNameNS(SAML, "Assertion");
        require(
                assertions.getLength() == 1,
                SamlRefusal.UNEXPECTED_STRUCTURE,
                "exactly one saml:Assertion expected, found " + assertions.getLength());
        require(
                document.getElementsByTagNameNS(SAML, "EncryptedAssertion").getLength() == 0,
                SamlRefusal.UNEXPECTED_STRUCTURE,
                "encrypted assertions are not expected");
        Element assertion = (Element) assertions.item(0);
        require(
                assertion.getParentNode() == response,
                SamlRefusal.UNEXPECTED_STRUCTURE,
                "the assertion is not a direct child of the Response");
        List<Element> assertionSignatures = children(assertion, DS, "Signature");
        require(!assertionSignatures.isEmpty(), SamlRefusal.UNSIGNED, "the assertion is not signed");
        List<Element> responseSignatures = children(response, DS, "Signature");
        require(
                assertionSignatures.size() == 1 && responseSignatures.size() <= 1,
                SamlRefusal.UNEXPECTED_STRUCTURE,
                "more than one signature on one element");
        int expected = 1 + responseSignatures.size();
        require(
                document.getElementsByTagNameNS(DS, "Signature").getLength() == expected,
                SamlRefusal.UNEXPECTED_STRUCTURE,
                "a signature sits where none belongs");
        requireEnveloped(assertionSignatures.get(0), assertion);
        responseSignatures.forEach(signature -> requireEnveloped(signature, response));
    }

    private static void requireEnveloped(Element signature, Element parent) {
        NodeList references = signature.getElementsByTagNameNS(DS, "Reference");
        String id = parent.getAttribute("ID");
        require(!id.isEmpty(), SamlRefusal.MALFORMED_RESPONSE, parent.getLocalName() + " has no ID");
        require(
                references.getLength() == 1 && ("#" + id).equals(((Element) references.item(0)).getAttribute("URI")),
                SamlRefusal.UNEXPECTED_STRUCTURE,
                "a signature does not refer to its own parent, " + parent.getLocalName());
    }

    private static void requireUniqueIds(Element element, Set<String> seen) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            if ("ID".equals(attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName())) {
                require(seen.add(attribute.getNodeValue()), SamlRefusal.UNEXPECTED_STRUCTURE, "an ID appears twice");
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                requireUniqueIds(e, seen);
            }
        }
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && is(e, namespace, localName)) {
                found.add(e);
            }
        }
        return found;
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static Document parse(String xml) {
        try {
            return SecureXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw new SamlRefusedException(SamlRefusal.MALFORMED_RESPONSE, "not well-formed XML without a DTD");
        }
    }

    private static void require(boolean condition, SamlRefusal refusal, String detail) {
        if (!condition) {
            throw new SamlRefusedException(refusal, detail);
        }
    }
}
