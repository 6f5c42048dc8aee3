package org.sscard.relay.provider;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's provider configuration: the providers declared in configuration (loaded idempotently at start), and
 * which client may register the SP metadata of which SAML provider ({@code saml-metadata-owners}: client ID →
 * provider key; a client registers for its own provider only). The service clients are {@code ClientProperties}.
 */
@ConfigurationProperties("sscard.relay")
@Validated
public record ProviderProperties(
        @DefaultValue List<@Valid ProviderDefinition> providers,
        @DefaultValue Map<String, String> samlMetadataOwners) {}
