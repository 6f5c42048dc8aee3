package org.sscard.auth.saml;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.Deflater;
import org.opensaml.saml.common.SignableSAMLObject;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.AuthnRequest;
import org.opensaml.saml.saml2.core.Issuer;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.signature.support.SignatureConstants;
import org.sscard.testsupport.pki.Issued;
import org.sscard.testsupport.pki.TestPki;

/**
 * A SAML SP of the tests' own, written against the SAML specifications rather than the IdP's classes where it
 * matters: its own key and certificate, its metadata, and AuthnRequests over the Redirect binding (raw DEFLATE,
 * query-string signature) and the POST binding (enveloped signature).
 */
final class TestSp {

    final String key;
    final String entityId;
    final String acsUrl;
    final String otherAcsUrl;
    final BasicX509Credential credential;
    final boolean unsolicitedSso;
    final String backChannelLogoutUrl;

    TestSp(String key) {
        this(key, false);
    }

    /** {@code unsolicitedSso}: its metadata asks for IdP-initiated SSO (the entity attribute). */
    TestSp(String key, boolean unsolicitedSso) {
        this(key, unsolicitedSso, null);
    }

    /** {@code backChannelLogoutUrl}: its SingleLogoutService on the SOAP binding, or null. */
    TestSp(String key, boolean unsolicitedSso, String backChannelLogoutUrl) {
        this.unsolicitedSso = unsolicitedSso;
        this.backChannelLogoutUrl = backChannelLogoutUrl;
        this.key = key;
        this.entityId = "https://" + key + ".sp.test/shibboleth";
        this.acsUrl = "https://" + key + ".sp.test/Shibboleth.sso/SAML2/POST";
        this.otherAcsUrl = "https://" + key + ".sp.test/second/acs";
        this.credential = newCredential();
    }

    String metadata() {
        try {
            String certificate = Base64.getEncoder()
                    .encodeToString(credential.getEntityCertificate().getEncoded());
            return """
                    <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"
                        xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="%s">%s
                      <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"
                          AuthnRequestsSigned="true">
                        <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data>
                          <ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>%s
                        <md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>
                        <md:AssertionConsumerService index="1" isDefault="true" Location="%s"
                            Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/>
                        <md:AssertionConsumerService index="2" Location="%s"
                            Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/>
                      </md:SPSSODescriptor>
                    </md:EntityDescriptor>
                    """.formatted(
                            entityId,
                            unsolicitedSso ? UNSOLICITED : "",
                            certificate,
                            backChannelLogoutUrl == null
                                    ? ""
                                    : "\n<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:SOAP\""
                                            + " Location=\"" + backChannelLogoutUrl + "\"/>",
                            acsUrl,
                            otherAcsUrl);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String UNSOLICITED = """
            <md:Extensions><mdattr:EntityAttributes xmlns:mdattr="urn:oasis:names:tc:SAML:metadata:attribute">
              <saml:Attribute xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion"
                  Name="urn:sscard:saml:unsolicited-sso"
                  NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                <saml:AttributeValue>true</saml:AttributeValue>
              </saml:Attribute>
            </mdattr:EntityAttributes></md:Extensions>""";

    AuthnRequest request(String destination, Instant issued, String acs) {
        AuthnRequest request = OpenSaml.build(AuthnRequest.DEFAULT_ELEMENT_NAME);
        request.setID(XmlSigner.newId());
        request.setIssueInstant(issued);
        request.setDestination(destination);
        request.setAssertionConsumerServiceURL(acs);
        request.setProtocolBinding(SAMLConstants.SAML2_POST_BINDING_URI);
        Issuer issuer = OpenSaml.build(Issuer.DEFAULT_ELEMENT_NAME);
        issuer.setValue(entityId);
        request.setIssuer(issuer);
        return request;
    }

    AuthnRequest request(String destination) {
        return request(destination, Instant.now(), acsUrl);
    }

    /** The Redirect-binding URL, its query signed with {@code signer}'s key (null: unsigned). */
    static String redirectUrl(String ssoUrl, AuthnRequest request, String relayState, BasicX509Credential signer) {
        String query = "SAMLRequest="
                + encode(Base64.getEncoder()
                        .encodeToString(deflate(
                                OpenSaml.toXml(OpenSaml.marshal(request)).getBytes(StandardCharsets.UTF_8))));
        if (relayState != null) {
            query += "&RelayState=" + encode(relayState);
        }
        if (signer != null) {
            query += "&SigAlg=" + encode(SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256);
            query += "&Signature=" + encode(sign(query, signer));
        }
        return ssoUrl + "?" + query;
    }

    /** The POST-binding {@code SAMLRequest} value, signed enveloped with {@code signer}'s key (null: unsigned). */
    static String postValue(AuthnRequest request, BasicX509Credential signer) {
        String xml = signer == null
                ? OpenSaml.toXml(OpenSaml.marshal(request))
                : new XmlSigner(signer).signAndSerialize(request, new SignableSAMLObject[] {request});
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static String sign(String content, BasicX509Credential signer) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(signer.getPrivateKey());
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh key and a self-signed certificate for it: this SP's own, or one nobody registered. */
    static BasicX509Credential newCredential() {
        Issued signer = TestPki.selfSigned("CN=test SP");
        return new BasicX509Credential(signer.certificate(), signer.privateKey());
    }
}
