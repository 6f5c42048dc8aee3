package org.sscard.hospital.saml;

import org.springframework.stereotype.Component;
import org.sscard.hospital.config.HospitalProperties;

/**
 * This SP's metadata, as served at its entity ID and registered with the relay (from where the IdP reads it): the
 * entity ID, the signing certificate of its AuthnRequests, persistent NameIDs (the patient number) and the ACS on
 * the HTTP-POST binding, and its single logout service on the SOAP binding (the IdP's back channel). Not signed:
 * the relay takes it only from this SP's own authenticated client.
 */
@Component
public class SpMetadata {

    static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";

    private final HospitalProperties properties;
    private final SpSigningKey signingKey;

    SpMetadata(HospitalProperties properties, SpSigningKey signingKey) {
        this.properties = properties;
        this.signingKey = signingKey;
    }

    public String xml() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:SPSSODescriptor AuthnRequestsSigned="true" WantAssertionsSigned="true"
                      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data></ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:SingleLogoutService Binding="urn:oasis:names:tc:SAML:2.0:bindings:SOAP" Location="%s"/>
                    <md:NameIDFormat>%s</md:NameIDFormat>
                    <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                        Location="%s" index="0" isDefault="true"/>
                  </md:SPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(
                        escape(properties.entityId()),
                        signingKey.certificateBase64(),
                        escape(properties.backChannelLogoutUrl()),
                        PERSISTENT,
                        escape(properties.acsUrl()));
    }

    public String entityId() {
        return properties.entityId();
    }

    private static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
