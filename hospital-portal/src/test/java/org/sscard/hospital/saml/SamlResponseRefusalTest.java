package org.sscard.hospital.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;
import org.sscard.hospital.support.HospitalTest;
import org.sscard.hospital.support.SamlBrowser;
import org.sscard.hospital.support.TestIdp;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Every Response the SP must refuse, each for its own reason, and the browser stays logged out. */
class SamlResponseRefusalTest extends HospitalTest {

    private static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    @Test
    void rejectsUnsignedResponse() throws Exception {
        assertRefused(IDP.response("P0012345").unsigned().xml(), SamlRefusal.UNSIGNED);
    }

    @Test
    void rejectsSignedResponseWithUnsignedAssertion() throws Exception {
        Document response = parse(IDP.response("P0012345").xml());
        Element assertion = first(response, SAML, "Assertion");
        assertion.removeChild(first(assertion, DS, "Signature"));
        assertRefused(serialize(response), SamlRefusal.UNSIGNED);
    }

    @Test
    void rejectsResponseSignedByAnotherKey() throws Exception {
        assertRefused(
                IDP.response("P0012345")
                        .signedBy(TestIdp.credential("CN=attacker"))
                        .xml(),
                SamlRefusal.BAD_SIGNATURE);
    }

    @Test
    void rejectsTamperedNameId() throws Exception {
        Document response = parse(IDP.response("P0012345").assertionOnlySigned().xml());
        first(response, SAML, "NameID").setTextContent("P0023456");
        assertRefused(serialize(response), SamlRefusal.BAD_SIGNATURE);
    }

    /** XSW: the genuine signed assertion hidden in samlp:Extensions, a forged one where the SP looks. */
    @Test
    void rejectsSignedAssertionWrappedInExtensionsBesideAForgedOne() throws Exception {
        Document response = parse(IDP.response("P0012345").assertionOnlySigned().xml());
        Element root = response.getDocumentElement();
        Element genuine = first(response, SAML, "Assertion");
        Element forged = forgedCopy(genuine, "_forged-1");
        Element extensions = response.createElementNS(SAMLP, "samlp:Extensions");
        root.insertBefore(extensions, first(response, SAMLP, "Status"));
        extensions.appendChild(genuine);
        root.appendChild(forged);
        assertRefused(serialize(response), SamlRefusal.UNEXPECTED_STRUCTURE);
    }

    /** XSW: a second, unsigned assertion for another patient in front of the genuine one. */
    @Test
    void rejectsASecondAssertion() throws Exception {
        Document response = parse(IDP.response("P0012345").assertionOnlySigned().xml());
        Element genuine = first(response, SAML, "Assertion");
        response.getDocumentElement().insertBefore(forgedCopy(genuine, "_forged-2"), genuine);
        assertRefused(serialize(response), SamlRefusal.UNEXPECTED_STRUCTURE);
    }

    /** XSW: the genuine signature moved onto a forged assertion with the same ID; the original inside ds:Object. */
    @Test
    void rejectsSignatureMovedToAForgedAssertionWithTheSameId() throws Exception {
        Document response = parse(IDP.response("P0012345").assertionOnlySigned().xml());
        Element genuine = first(response, SAML, "Assertion");
        Element signature = first(genuine, DS, "Signature");
        Element forged = forgedCopy(genuine, genuine.getAttribute("ID"));
        forged.insertBefore(signature, forged.getFirstChild().getNextSibling());
        Element object = response.createElementNS(DS, "ds:Object");
        signature.appendChild(object);
        response.getDocumentElement().replaceChild(forged, genuine);
        object.appendChild(genuine);
        assertRefused(serialize(response), SamlRefusal.UNEXPECTED_STRUCTURE);
    }

    /** XSW: the genuine signature moved from the assertion to the Response, where it refers to another element. */
    @Test
    void rejectsAssertionSignatureMovedToTheResponse() throws Exception {
        Document response = parse(IDP.response("P0012345").assertionOnlySigned().xml());
        Element genuine = first(response, SAML, "Assertion");
        Element signature = first(genuine, DS, "Signature");
        Element root = response.getDocumentElement();
        root.insertBefore(signature, first(response, SAMLP, "Status"));
        Element innerSignature = (Element) signature.cloneNode(true);
        genuine.insertBefore(innerSignature, genuine.getFirstChild().getNextSibling());
        first(genuine, SAML, "NameID").setTextContent("P0023456");
        assertRefused(serialize(response), SamlRefusal.UNEXPECTED_STRUCTURE);
    }

    /** The replay cache behind InResponseTo: a stolen session cookie holding the same request cannot reuse it. */
    @Test
    void rejectsReplayedAssertion() throws Exception {
        SamlBrowser first = new SamlBrowser(mvc);
        String requestId = first.startLogin().requestId();
        SamlBrowser thief = first.copy();
        String response = IDP.response("P0012345").inResponseTo(requestId).base64();
        assertThat(first.postResponse(response).getResponse().getStatus()).isEqualTo(302);

        MvcResult replay = thief.postResponse(response);

        assertThat(replay.getResponse().getStatus()).isEqualTo(401);
        assertThat(replay.getResponse().getHeader(SamlRefusalHandler.HEADER)).isEqualTo("REPLAYED");
    }

    @Test
    void rejectsExpiredAssertion() throws Exception {
        assertRefused(
                IDP.response("P0012345")
                        .issuedAt(Instant.now().minus(Duration.ofMinutes(20)), Duration.ofMinutes(5))
                        .xml(),
                SamlRefusal.EXPIRED);
    }

    @Test
    void rejectsWrongAudience() throws Exception {
        assertRefused(
                IDP.response("P0012345").audience("https://other-sp.test/sp").xml(), SamlRefusal.WRONG_AUDIENCE);
    }

    @Test
    void rejectsWrongRecipient() throws Exception {
        assertRefused(
                IDP.response("P0012345").recipient("https://other-sp.test/acs").xml(), SamlRefusal.WRONG_RECIPIENT);
    }

    @Test
    void rejectsWrongDestination() throws Exception {
        assertRefused(
                IDP.response("P0012345")
                        .destination("https://other-sp.test/acs")
                        .xml(),
                SamlRefusal.WRONG_DESTINATION);
    }

    /** Spring looks up the signing keys by Issuer, so another issuer fails there already, before our own rule. */
    @Test
    void rejectsWrongIssuer() throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        MvcResult refused = browser.postResponse(
                IDP.response("P0012345").issuer("https://rogue-idp.test/idp").base64());
        assertThat(refused.getResponse().getStatus()).isEqualTo(401);
        assertThat(refused.getResponse().getHeader(SamlRefusalHandler.HEADER))
                .isIn(SamlRefusal.WRONG_ISSUER.name(), SamlRefusal.BAD_SIGNATURE.name());
    }

    @Test
    void rejectsInResponseToMismatch() throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        browser.startLogin();

        MvcResult refused = browser.postResponse(
                IDP.response("P0012345").inResponseTo("_another-request").base64());

        assertRefused(refused, browser, SamlRefusal.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void rejectsInResponseToWhenThisBrowserSentNoRequest() throws Exception {
        assertRefused(
                IDP.response("P0012345").inResponseTo("_someone-elses-request").xml(),
                SamlRefusal.IN_RESPONSE_TO_MISMATCH);
    }

    @Test
    void rejectsResponseWithDoctype() throws Exception {
        String xml = IDP.response("P0012345").xml();
        assertRefused("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + xml, SamlRefusal.MALFORMED_RESPONSE);
    }

    private void assertRefused(String responseXml, SamlRefusal expected) throws Exception {
        SamlBrowser browser = new SamlBrowser(mvc);
        assertRefused(browser.postResponse(TestIdp.base64(responseXml)), browser, expected);
    }

    private void assertRefused(MvcResult result, SamlBrowser browser, SamlRefusal expected) throws Exception {
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getHeader(SamlRefusalHandler.HEADER)).isEqualTo(expected.name());
        assertThat(result.getResponse().getContentAsString())
                .contains(expected.name())
                .doesNotContain("P0012345");
        MvcResult records =
                mvc.perform(get("/records").session(browser.session())).andReturn();
        assertThat(records.getResponse().getStatus()).as("still logged out").isEqualTo(302);
    }

    /** An unsigned copy of {@code assertion} for another patient. */
    private static Element forgedCopy(Element assertion, String id) {
        Element forged = (Element) assertion.cloneNode(true);
        forged.setAttribute("ID", id);
        Node signature = first(forged, DS, "Signature");
        if (signature != null) {
            forged.removeChild(signature);
        }
        first(forged, SAML, "NameID").setTextContent("P0023456");
        return forged;
    }

    private static Element first(Document document, String namespace, String name) {
        return (Element) document.getElementsByTagNameNS(namespace, name).item(0);
    }

    private static Element first(Element parent, String namespace, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && namespace.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return (Element) parent.getElementsByTagNameNS(namespace, name).item(0);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static String serialize(Document document) {
        return TestIdp.serialize(document.getDocumentElement());
    }
}
