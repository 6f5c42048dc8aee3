package org.sscard.relay.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;
import org.sscard.relay.provider.ProviderDefinition;
import org.sscard.relay.security.RelayAuthority;

/**
 * The relay's configuration: which service clients exist and what each may do, and the providers declared in
 * configuration (loaded idempotently at start), and which client may register the SP metadata of which SAML
 * provider ({@code saml-metadata-owners}: client ID → provider key; a client registers for its own provider only).
 */
@ConfigurationProperties("sscard.relay")
@Validated
public record RelayProperties(
        @NotEmpty Map<String, Set<RelayAuthority>> clients,
        @DefaultValue List<@Valid ProviderDefinition> providers,
        @DefaultValue Map<String, String> samlMetadataOwners) {}
