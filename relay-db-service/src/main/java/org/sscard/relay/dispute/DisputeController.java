package org.sscard.relay.dispute;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * My Portal's "Linked services" (portal-gateway, for the resident logged in): their links, and "this is not me".
 * Disputing is the gateway's alone ({@code MAPPING_DISPUTE}): the resident's own word, never an operator's.
 */
@RestController
@RequestMapping("/api/v1/persons/{id}/links")
class DisputeController {

    private final DisputeService disputes;

    DisputeController(DisputeService disputes) {
        this.disputes = disputes;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('SERVICES_READ')")
    Links links(@PathVariable UUID id) {
        return disputes.links(id);
    }

    /** 200 the link, SUSPENDED with its dispute OPEN; the same again for a link already suspended. */
    @PostMapping("/{mappingId}/dispute")
    @PreAuthorize("hasAuthority('MAPPING_DISPUTE')")
    LinkView dispute(
            @PathVariable UUID id,
            @PathVariable UUID mappingId,
            @Valid @RequestBody(required = false) DisputeRequest request) {
        return disputes.dispute(id, mappingId, request);
    }
}
