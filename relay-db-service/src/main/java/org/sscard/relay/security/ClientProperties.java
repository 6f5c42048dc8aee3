package org.sscard.relay.security;

import jakarta.validation.constraints.NotEmpty;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The relay's service clients and what each may do ({@code sscard.relay.clients}: client ID → authorities; deny
 * by default). The providers declared in configuration are {@code ProviderProperties}, under the same prefix.
 */
@ConfigurationProperties("sscard.relay")
@Validated
public record ClientProperties(@NotEmpty Map<String, Set<RelayAuthority>> clients) {}
