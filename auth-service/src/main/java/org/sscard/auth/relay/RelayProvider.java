package org.sscard.auth.relay;

import java.util.List;

/**
 * A provider from the relay's registry, as auth-service needs it: its key, how residents reach it ({@code SAML} or
 * {@code PROXY}), for a SAML provider its entity ID, default ACS URL and registered SP metadata (XML, or null), and
 * the organisations whose staff may act for a resident there besides its own ({@code staffOrganisations}).
 */
public record RelayProvider(
        String key,
        String ssoMethod,
        String idScheme,
        String samlEntityId,
        String samlAcsUrl,
        String samlSpMetadata,
        List<String> staffOrganisations) {

    public RelayProvider {
        staffOrganisations = staffOrganisations == null ? List.of() : List.copyOf(staffOrganisations);
    }

    public RelayProvider(
            String key,
            String ssoMethod,
            String idScheme,
            String samlEntityId,
            String samlAcsUrl,
            String samlSpMetadata) {
        this(key, ssoMethod, idScheme, samlEntityId, samlAcsUrl, samlSpMetadata, List.of());
    }

    /** Whether staff of {@code organisation} may act for a resident at this provider: its own, or one it lists. */
    public boolean acceptsStaffOf(String organisation) {
        return organisation != null && (organisation.equals(key) || staffOrganisations.contains(organisation));
    }
}
