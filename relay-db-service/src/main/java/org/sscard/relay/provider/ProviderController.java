package org.sscard.relay.provider;

import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/providers")
class ProviderController {

    private final ProviderRegistry registry;

    ProviderController(ProviderRegistry registry) {
        this.registry = registry;
    }

    /** All providers, or with {@code samlEntityId} the one SAML provider whose SP metadata has that entity ID. */
    @GetMapping
    @PreAuthorize("hasAuthority('PROVIDER_READ')")
    List<ProviderDefinition> all(@RequestParam(required = false) String samlEntityId) {
        return samlEntityId == null ? registry.all() : registry.bySamlEntityId(samlEntityId).stream().toList();
    }

    @GetMapping("/{key}")
    @PreAuthorize("hasAuthority('PROVIDER_READ')")
    ProviderDefinition one(@PathVariable String key) {
        return registry.require(key);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('PROVIDER_WRITE')")
    ProviderDefinition register(@Valid @RequestBody ProviderDefinition definition) {
        return registry.register(definition);
    }
}
