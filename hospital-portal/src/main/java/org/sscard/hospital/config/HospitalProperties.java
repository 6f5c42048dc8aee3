package org.sscard.hospital.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.sscard.common.provider.ValidProviderKey;

/**
 * The hospital portal's configuration: who it is (provider key, public URL), which IdP it trusts, who may import.
 *
 * @param demoExtract an XML extract imported at start (demo profile), or null
 * @param staffOrganisations organisations (provider keys) whose staff may act for a patient here besides the
 *     hospital's own staff (a pairwise token's {@code act.organisation}); the relay's provider configuration lists
 *     the same for auth-service
 */
@ConfigurationProperties("sscard.hospital")
@Validated
public record HospitalProperties(
        @NotBlank @ValidProviderKey String providerKey,
        @NotNull URI publicUrl,
        @DefaultValue Set<String> importClients,
        @Valid @NotNull Saml saml,
        @Valid @NotNull Relay relay,
        String demoExtract,
        @DefaultValue Set<String> staffOrganisations) {

    public HospitalProperties {
        staffOrganisations = staffOrganisations == null ? Set.of() : Set.copyOf(staffOrganisations);
    }

    /** The SAML registration ID: it appears in the entity ID and ACS URL the relay has on record. */
    public static final String REGISTRATION_ID = "sscard";

    public String base() {
        return publicUrl.toString().replaceAll("/+$", "");
    }

    public String entityId() {
        return base() + "/saml2/service-provider-metadata/" + REGISTRATION_ID;
    }

    public String acsUrl() {
        return base() + "/login/saml2/sso/" + REGISTRATION_ID;
    }

    /** Single logout from the IdP on the back channel (SAML SOAP binding): the path, and its URL in the metadata. */
    public static final String BACK_CHANNEL_LOGOUT = "/saml2/slo/" + REGISTRATION_ID;

    public String backChannelLogoutUrl() {
        return base() + BACK_CHANNEL_LOGOUT;
    }

    /**
     * @param idpMetadata https URL (platform trust) or file: of the IdP's metadata
     * @param signingKey  FILE (generated once into the data directory) or MEMORY (new per start; tests)
     */
    public record Saml(
            @NotBlank String idpMetadata,
            @DefaultValue("FILE") KeyStore signingKey,
            @DefaultValue("2m") Duration clockSkew,
            @DefaultValue("1h") Duration metadataRefresh) {}

    public record Relay(URI url, @DefaultValue("true") boolean registerMetadata) {}

    public enum KeyStore {
        FILE,
        MEMORY
    }

    /** Whether staff of {@code organisation} may act for a patient here: the hospital's own, or one it lists. */
    public boolean acceptsStaffOf(String organisation) {
        return organisation != null && (organisation.equals(providerKey) || staffOrganisations.contains(organisation));
    }
}
