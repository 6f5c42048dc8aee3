package org.sscard.relay.mapping;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MappingController {

    private final MappingService mappings;

    MappingController(MappingService mappings) {
        this.mappings = mappings;
    }

    @PostMapping("/api/v1/persons/{id}/mappings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('MAPPING_WRITE')")
    MappingView register(@PathVariable UUID id, @Valid @RequestBody MappingRequests.RegisterMapping request) {
        return mappings.register(id, request);
    }

    @GetMapping("/api/v1/persons/{id}/mappings")
    @PreAuthorize("hasAuthority('MAPPING_READ')")
    List<MappingView> ofPerson(@PathVariable UUID id) {
        return mappings.ofPerson(id);
    }

    @PostMapping("/api/v1/persons/{id}/mappings/{mappingId}/end")
    @PreAuthorize("hasAuthority('MAPPING_WRITE')")
    MappingView end(
            @PathVariable UUID id,
            @PathVariable UUID mappingId,
            @Valid @RequestBody MappingRequests.EndMapping request) {
        return mappings.end(id, mappingId, request);
    }

    @GetMapping("/api/v1/persons/{id}/providers/{providerKey}/identity")
    @PreAuthorize("hasAuthority('RESOLVE') and @clientProviders.allow(authentication, #providerKey)")
    MappingView resolve(
            @PathVariable UUID id, @PathVariable String providerKey, @RequestParam(required = false) LocalDate at) {
        return mappings.resolve(id, providerKey, at);
    }

    @PostMapping("/api/v1/providers/{providerKey}/reverse-resolve")
    @PreAuthorize("hasAuthority('REVERSE_RESOLVE') and @clientProviders.allow(authentication, #providerKey)")
    MappingRequests.ResolvedPerson reverseResolve(
            @PathVariable String providerKey, @Valid @RequestBody MappingRequests.ReverseResolve request) {
        return mappings.reverseResolve(providerKey, request);
    }
}
