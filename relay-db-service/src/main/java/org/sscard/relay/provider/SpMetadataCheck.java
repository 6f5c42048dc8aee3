package org.sscard.relay.provider;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import org.sscard.common.web.CommonError;
import org.sscard.common.xml.SamlMetadata;
import org.sscard.common.xml.SecureXml;
import org.sscard.relay.error.RelayException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Checks a SAML provider's SP metadata when it is registered, so that the IdP never meets metadata it cannot use:
 * one md:EntityDescriptor (no DTD, no external entities) whose entityID is the provider's {@code samlEntityId},
 * with an SPSSODescriptor for SAML 2.0 that has a signing certificate (the IdP wants signed AuthnRequests) and
 * assertion consumer services on the HTTP-POST binding, one of them the provider's {@code samlAcsUrl}, and every
 * assertion consumer service and single logout service an https URL ({@link ProviderUrls}).
 */
final class SpMetadataCheck {

    static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private SpMetadataCheck() {}

    static void check(String metadata, String entityId, String acsUrl, ProviderUrls urls) {
        Element root = parse(metadata).getDocumentElement();
        require(SamlMetadata.isEntityDescriptor(root), "samlSpMetadata: the root must be an md:EntityDescriptor");
        require(
                root.getAttribute("entityID").equals(entityId),
                "samlSpMetadata: its entityID must be the provider's samlEntityId");
        List<Element> sps = SamlMetadata.children(root, "SPSSODescriptor");
        require(sps.size() == 1, "samlSpMetadata: exactly one SPSSODescriptor");
        Element sp = sps.get(0);
        require(SamlMetadata.supportsSaml2(sp), "samlSpMetadata: the SPSSODescriptor must support SAML 2.0");
        List<String> postAcs = new ArrayList<>();
        for (Element acs : SamlMetadata.children(sp, "AssertionConsumerService")) {
            // every assertion consumer service, whatever its binding: the IdP posts signed assertions there
            require(
                    acs.getAttribute("Location").matches("https?://[^\\s]{1,490}"),
                    "samlSpMetadata: an AssertionConsumerService Location is not an http(s) URL");
            urls.requireHttps("samlSpMetadata: an AssertionConsumerService Location", acs.getAttribute("Location"));
            if (POST.equals(acs.getAttribute("Binding"))) {
                postAcs.add(acs.getAttribute("Location"));
            }
        }
        for (Element slo : SamlMetadata.children(sp, "SingleLogoutService")) {
            // the IdP sends signed LogoutRequests (NameID, SessionIndex) there, on the back channel or via the browser
            urls.requireHttps("samlSpMetadata: a SingleLogoutService Location", slo.getAttribute("Location"));
            if (slo.hasAttribute("ResponseLocation")) {
                urls.requireHttps(
                        "samlSpMetadata: a SingleLogoutService ResponseLocation", slo.getAttribute("ResponseLocation"));
            }
        }
        require(
                postAcs.contains(acsUrl),
                "samlSpMetadata: samlAcsUrl must be one of its HTTP-POST AssertionConsumerService locations");
        require(signingCertificates(sp) > 0, "samlSpMetadata: a signing certificate (KeyDescriptor) is required");
    }

    private static int signingCertificates(Element sp) {
        try {
            return SamlMetadata.signingCertificates(sp).size();
        } catch (CertificateException e) {
            throw new RelayException(CommonError.INVALID_FIELD, "samlSpMetadata: a signing certificate cannot be read");
        }
    }

    private static Document parse(String metadata) {
        try {
            return SecureXml.parse(metadata);
        } catch (SAXException | IOException e) {
            throw new RelayException(CommonError.INVALID_FIELD, "samlSpMetadata: not well-formed XML without a DTD");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new RelayException(CommonError.INVALID_FIELD, message);
        }
    }
}
