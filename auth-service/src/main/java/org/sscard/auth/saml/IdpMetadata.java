package org.sscard.auth.saml;

import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.IDPSSODescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SingleLogoutService;
import org.opensaml.saml.saml2.metadata.SingleSignOnService;
import org.opensaml.security.SecurityException;
import org.opensaml.security.credential.UsageType;
import org.opensaml.security.x509.BasicX509Credential;
import org.opensaml.xmlsec.keyinfo.impl.X509KeyInfoGeneratorFactory;

/**
 * The IdP's SAML 2.0 metadata, built once: entity ID, the signing certificate, the NameID formats it issues
 * (persistent, unspecified), its SSO service on the HTTP-Redirect and HTTP-POST bindings, and its single logout
 * service on the HTTP-Redirect binding. It wants AuthnRequests
 * signed.
 */
final class IdpMetadata {

    private IdpMetadata() {}

    static String xml(SamlProperties properties, BasicX509Credential credential) {
        IDPSSODescriptor idp = OpenSaml.build(IDPSSODescriptor.DEFAULT_ELEMENT_NAME);
        idp.addSupportedProtocol(SAMLConstants.SAML20P_NS);
        idp.setWantAuthnRequestsSigned(true);
        idp.getKeyDescriptors().add(signingKey(credential));
        for (String format : new String[] {NameIDType.PERSISTENT, NameIDType.UNSPECIFIED}) {
            NameIDFormat nameIdFormat = OpenSaml.build(NameIDFormat.DEFAULT_ELEMENT_NAME);
            nameIdFormat.setURI(format);
            idp.getNameIDFormats().add(nameIdFormat);
        }
        for (String binding :
                new String[] {SAMLConstants.SAML2_REDIRECT_BINDING_URI, SAMLConstants.SAML2_POST_BINDING_URI}) {
            SingleSignOnService sso = OpenSaml.build(SingleSignOnService.DEFAULT_ELEMENT_NAME);
            sso.setBinding(binding);
            sso.setLocation(properties.ssoUrl());
            idp.getSingleSignOnServices().add(sso);
        }
        SingleLogoutService slo = OpenSaml.build(SingleLogoutService.DEFAULT_ELEMENT_NAME);
        slo.setBinding(SAMLConstants.SAML2_REDIRECT_BINDING_URI);
        slo.setLocation(properties.url(SamlPaths.SLO));
        idp.getSingleLogoutServices().add(slo);
        EntityDescriptor entity = OpenSaml.build(EntityDescriptor.DEFAULT_ELEMENT_NAME);
        entity.setEntityID(properties.entityId());
        entity.getRoleDescriptors().add(idp);
        return OpenSaml.toXml(OpenSaml.marshal(entity));
    }

    private static KeyDescriptor signingKey(BasicX509Credential credential) {
        X509KeyInfoGeneratorFactory keyInfos = new X509KeyInfoGeneratorFactory();
        keyInfos.setEmitEntityCertificate(true);
        KeyDescriptor key = OpenSaml.build(KeyDescriptor.DEFAULT_ELEMENT_NAME);
        key.setUse(UsageType.SIGNING);
        try {
            key.setKeyInfo(keyInfos.newInstance().generate(credential));
        } catch (SecurityException e) {
            throw new IllegalStateException("cannot publish the SAML signing certificate", e);
        }
        return key;
    }
}
