package org.sscard.relay.provider;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderRegistry registry;
    private final ProviderProperties properties;

    ProviderController(ProviderRegistry registry, ProviderProperties properties) {
        this.registry = registry;
        this.properties = properties;
    }

    /** All providers, or with {@code samlEntityId} the one SAML provider whose SP metadata has that entity ID. */
    @GetMapping
    @PreAuthorize("hasAuthority('PROVIDER_READ')")
    List<ProviderDefinition> all(@RequestParam(required = false) String samlEntityId) {
        return samlEntityId == null
                ? registry.all()
                : registry.bySamlEntityId(samlEntityId).stream().toList();
    }

    @GetMapping("/{key}")
    @PreAuthorize("hasAuthority('PROVIDER_READ')")
    ProviderDefinition one(@PathVariable String key) {
        return registry.require(key);
    }

    /**
     * A SAML provider registers (or replaces) its own SP metadata; the body is the md:EntityDescriptor. Only the
     * client configured as that provider's owner may ({@code sscard.relay.saml-metadata-owners}).
     */
    @PutMapping(
            path = "/{key}/saml-sp-metadata",
            consumes = {"application/samlmetadata+xml", "application/xml", "text/xml"})
    @PreAuthorize("hasAuthority('SAML_METADATA_WRITE')")
    ProviderDefinition registerSamlSpMetadata(
            @PathVariable String key, @RequestBody String metadata, Authentication client) {
        if (!key.equals(properties.samlMetadataOwners().get(client.getName()))) {
            throw new AccessDeniedException(client.getName() + " may not register SP metadata for " + key);
        }
        return registry.replaceSamlSpMetadata(key, metadata);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PROVIDER_WRITE')")
    ProviderDefinition register(@Valid @RequestBody ProviderDefinition definition) {
        return registry.register(definition);
    }
}
