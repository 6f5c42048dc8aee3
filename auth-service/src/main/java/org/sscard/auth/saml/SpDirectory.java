package org.sscard.auth.saml;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opensaml.core.xml.XMLObject;
import org.opensaml.core.xml.schema.XSAny;
import org.opensaml.core.xml.schema.XSString;
import org.opensaml.saml.common.xml.SAMLConstants;
import org.opensaml.saml.ext.saml2mdattr.EntityAttributes;
import org.opensaml.saml.saml2.core.NameIDType;
import org.opensaml.saml.saml2.metadata.AssertionConsumerService;
import org.opensaml.saml.saml2.metadata.EntityDescriptor;
import org.opensaml.saml.saml2.metadata.KeyDescriptor;
import org.opensaml.saml.saml2.metadata.NameIDFormat;
import org.opensaml.saml.saml2.metadata.SPSSODescriptor;
import org.opensaml.security.credential.UsageType;
import org.opensaml.xmlsec.keyinfo.KeyInfoSupport;
import org.sscard.auth.relay.RelayDirectory;
import org.sscard.auth.relay.RelayProvider;

/**
 * The SPs the IdP serves, read from the relay's provider registry on every request (nothing hard-coded here): a
 * SAML provider with registered SP metadata. A provider without usable metadata is not an SP of this IdP.
 */
class SpDirectory {

    /** More registry entries than the platform has SPs; beyond it, start afresh. */
    static final int MAX_PARSED = 64;

    private final RelayDirectory relay;
    private final Map<RelayProvider, Optional<ServiceProvider>> parsed = new ConcurrentHashMap<>();

    SpDirectory(RelayDirectory relay) {
        this.relay = relay;
    }

    Optional<ServiceProvider> byEntityId(String entityId) {
        return relay.providerBySamlEntityId(entityId)
                .flatMap(this::parsedOnce)
                .filter(sp -> sp.entityId().equals(entityId));
    }

    Optional<ServiceProvider> byProviderKey(String providerKey) {
        return relay.provider(providerKey).flatMap(this::parsedOnce);
    }

    /**
     * The relay is asked on every request; what it answers is parsed once: the same registry entry (its metadata
     * character for character) always parses to the same SP, and any change to it is a new entry, parsed anew.
     * Parsing the metadata was a tenth of an IdP-initiated response's CPU.
     */
    private Optional<ServiceProvider> parsedOnce(RelayProvider provider) {
        Optional<ServiceProvider> sp = parsed.get(provider);
        if (sp == null) {
            sp = parse(provider);
            if (parsed.size() >= MAX_PARSED) {
                parsed.clear();
            }
            parsed.put(provider, sp);
        }
        return sp;
    }

    static Optional<ServiceProvider> parse(RelayProvider provider) {
        if (!"SAML".equals(provider.ssoMethod())
                || provider.samlSpMetadata() == null
                || !(OpenSaml.parse(provider.samlSpMetadata()) instanceof EntityDescriptor entity)) {
            return Optional.empty();
        }
        SPSSODescriptor sp = entity.getSPSSODescriptor(SAMLConstants.SAML20P_NS);
        if (sp == null) {
            return Optional.empty();
        }
        List<ServiceProvider.Acs> acs = sp.getAssertionConsumerServices().stream()
                .filter(a -> SAMLConstants.SAML2_POST_BINDING_URI.equals(a.getBinding()))
                .map(a -> new ServiceProvider.Acs(a.getLocation(), a.getIndex(), isDefault(a)))
                .toList();
        List<X509Certificate> certificates = signingCertificates(sp);
        if (acs.isEmpty() || certificates.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ServiceProvider(
                provider.key(),
                entity.getEntityID(),
                acs,
                certificates,
                nameIdFormat(sp),
                asksForUnsolicitedSso(entity),
                sp.getSingleLogoutServices().stream()
                        .filter(slo -> SAMLConstants.SAML2_SOAP11_BINDING_URI.equals(slo.getBinding()))
                        .map(slo -> slo.getLocation())
                        .findFirst()
                        .orElse(null)));
    }

    private static boolean isDefault(AssertionConsumerService acs) {
        return Boolean.TRUE.equals(acs.isDefault());
    }

    private static List<X509Certificate> signingCertificates(SPSSODescriptor sp) {
        List<X509Certificate> certificates = new ArrayList<>();
        for (KeyDescriptor key : sp.getKeyDescriptors()) {
            if (key.getUse() == UsageType.ENCRYPTION || key.getKeyInfo() == null) {
                continue;
            }
            try {
                certificates.addAll(KeyInfoSupport.getCertificates(key.getKeyInfo()));
            } catch (CertificateException e) {
                // the relay checked the metadata at registration; an unreadable certificate simply does not count
            }
        }
        return certificates;
    }

    /** {@code <md:Extensions><mdattr:EntityAttributes>} holding the attribute with the one value {@code true}. */
    private static boolean asksForUnsolicitedSso(EntityDescriptor entity) {
        if (entity.getExtensions() == null) {
            return false;
        }
        return entity.getExtensions().getUnknownXMLObjects(EntityAttributes.DEFAULT_ELEMENT_NAME).stream()
                .filter(EntityAttributes.class::isInstance)
                .map(EntityAttributes.class::cast)
                .flatMap(attributes -> attributes.getAttributes().stream())
                .filter(attribute -> ServiceProvider.UNSOLICITED_SSO.equals(attribute.getName()))
                .anyMatch(attribute -> attribute.getAttributeValues().size() == 1
                        && "true".equals(text(attribute.getAttributeValues().get(0))));
    }

    private static String text(XMLObject value) {
        if (value instanceof XSString string) {
            return string.getValue() == null ? null : string.getValue().strip();
        }
        if (value instanceof XSAny any) {
            return any.getTextContent() == null ? null : any.getTextContent().strip();
        }
        return null;
    }

    /** Persistent if the SP's metadata lists it, else unspecified. */
    private static String nameIdFormat(SPSSODescriptor sp) {
        return sp.getNameIDFormats().stream().map(NameIDFormat::getURI).anyMatch(NameIDType.PERSISTENT::equals)
                ? NameIDType.PERSISTENT
                : NameIDType.UNSPECIFIED;
    }
}
