package org.sscard.auth.relay;

/**
 * A provider from the relay's registry, as the SAML IdP needs it: its key, how residents reach it ({@code SAML} or
 * {@code PROXY}), and for a SAML provider its entity ID, default ACS URL and registered SP metadata (XML, or null).
 */
public record RelayProvider(
        String key, String ssoMethod, String idScheme, String samlEntityId, String samlAcsUrl, String samlSpMetadata) {}
