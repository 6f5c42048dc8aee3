package org.sscard.hospital.support;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.UUID;
import javax.xml.namespace.QName;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.config.XMLObjectProviderRegistrySupport;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.opensaml.xmlsec.signature.KeyInfo;
import org.opensaml.xmlsec.signature.Signature;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.opensaml.xmlsec.signature.support.Signer;
import org.springframework.security.saml2.core.OpenSamlInitializationService;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;
import org.w3c.dom.Element;

/**
 * A stand-in IdP for the SP's tests, independent of auth-service's code: its own RSA key and self-signed
 * certificate, metadata written to a file the SP is pointed at, and Responses built and signed with OpenSAML.
 */
public final class TestIdp {

    public static final String ENTITY_ID = "https://idp.test/saml/idp";
    public static final String SSO_URL = "https://idp.test/saml/idp/sso";
    public static final String SLO_URL = "https://idp.test/saml/idp/slo";

    static {
        OpenSamlInitializationService.initialize();
    }

    private final BasicX509Credential credential;
    private final Path metadataFile;

    public TestIdp() {
        this.credential = credential("CN=test IdP");
        try {
            metadataFile = Files.createTempFile("test-idp-metadata", ".xml");
            Files.writeString(metadataFile, metadata(ENTITY_ID, credential.getEntityCertificate()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path metadataFile() {
        return metadataFile;
    }

    public X509Certificate certificate() {
        return credential.getEntityCertificate();
    }

    /** A fresh key and a self-signed certificate for it: the IdP's own, or one nobody trusts (forged signatures). */
    public static BasicX509Credential credential(String subject) {
        Issued signer = TestPki.selfSigned(subject);
        return new BasicX509Credential(signer.certificate(), signer.privateKey());
    }

    public static String metadata(String entityId, X509Certificate certificate) {
        try {
            return """
                    <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                      <md:IDPSSODescriptor WantAuthnRequestsSigned="true"
                          protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                        <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                          <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
                        </md:KeyDescriptor>
                        <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
                        <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                            Location="%s"/>
                        <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                            Location="%s"/>
                        <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                            Location="%s"/>
                      </md:IDPSSODescriptor>
                    </md:EntityDescriptor>
                    """.formatted(
                    entityId, Base64.getEncoder().encodeToString(certificate.getEncoded()), SLO_URL, SSO_URL, SSO_URL);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public ResponseBuilder response(String nameId) {
        return new ResponseBuilder(this, nameId);
    }

    public BasicX509Credential signingCredential() {
        return credential;
    }

    /** Signs {@code object} (enveloped, RSA-SHA256, exclusive c14n, certificate in KeyInfo) and marshals it. */
    public static Element sign(XMLObject object, BasicX509Credential with) {
        try {
            Signature signature = build(Signature.DEFAULT_ELEMENT_NAME);
            signature.setSigningCredential(with);
            signature.setSignatureAlgorithm(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
            signature.setCanonicalizationAlgorithm(SignatureConstants.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            KeyInfo keyInfo = build(KeyInfo.DEFAULT_ELEMENT_NAME);
            KeyInfoSupport.addCertificate(keyInfo, with.getEntityCertificate());
            signature.setKeyInfo(keyInfo);
            ((org.opensaml.saml.common.SignableSAMLObject) object).setSignature(signature);
            Element element = marshal(object);
            Signer.signObject(signature);
            return element;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Element marshal(XMLObject object) {
        try {
            return XMLObjectProviderRegistrySupport.getMarshallerFactory()
                    .getMarshaller(object)
                    .marshall(object);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static <T> T build(QName name) {
        return (T) XMLObjectProviderRegistrySupport.getBuilderFactory()
                .getBuilder(name)
                .buildObject(name);
    }

    public static String serialize(Element element) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            transformer.transform(new DOMSource(element.getOwnerDocument()), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    public static String newId() {
        return "_" + UUID.randomUUID();
    }
}
