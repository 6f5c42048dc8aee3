package org.sscard.relay.provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sscard.common.provider.ValidProviderKey;

/**
 * A provider as declared in configuration or posted to the API; also the API's view of one. A SAML provider may
 * carry its SP metadata ({@code samlSpMetadata}, an md:EntityDescriptor; checked by {@link SpMetadataCheck}): the
 * IdP serves only SAML providers that have it. {@code staffOrganisations}: the organisations (provider keys) whose
 * staff may act for a resident at this provider besides its own staff (auth-service adds {@code act} to a token for
 * this provider only for staff of this provider or of one listed here). {@code insurerNumber}: an insurer's own number
 * (保険者番号, 6 or 8 digits), which its administrator's enrolments put on each member's ID.
 */
public record ProviderDefinition(
        @NotNull @ValidProviderKey String key,
        @NotNull ProviderType type,
        @NotBlank @Size(max = 200) String nameJa,
        @NotBlank @Size(max = 200) String nameEn,
        @NotNull SsoMethod ssoMethod,
        @NotNull IdScheme idScheme,
        @NotNull @Pattern(regexp = "https?://[^\\s]{1,490}") String baseUrl,
        @Pattern(regexp = "[^\\s]{1,500}") String samlEntityId,
        @Pattern(regexp = "https?://[^\\s]{1,490}") String samlAcsUrl,
        List<@Valid @NotNull ServiceDefinition> services,
        @Size(max = 100_000) String samlSpMetadata,
        @Size(max = 100) List<@NotNull @ValidProviderKey String> staffOrganisations,

        @Pattern(regexp = "\\d{6}|\\d{8}", message = "an insurer number has 6 or 8 digits")
        String insurerNumber) {

    public ProviderDefinition {
        services = services == null ? List.of() : List.copyOf(services);
        staffOrganisations = staffOrganisations == null ? List.of() : List.copyOf(staffOrganisations);
    }

    /** One service a provider offers, e.g. the medical-expense notice; {@code path} is relative to the base URL. */
    public record ServiceDefinition(
            @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,39}")
            String key,

            @NotBlank @Size(max = 200) String nameJa,
            @NotBlank @Size(max = 200) String nameEn,
            @NotNull @Pattern(regexp = "/[^\\s]{0,299}") String path) {}
}
