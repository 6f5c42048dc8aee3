package org.sscard.relay.release;

import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReleaseController {

    private final ProviderIdRelease release;

    ReleaseController(ProviderIdRelease release) {
        this.release = release;
    }

    /**
     * The provider's own ID for the person, for a pairwise token or a SAML assertion auth-service is about to issue;
     * 404 {@code SUBSCRIPTION_NOT_FOUND} or {@code MAPPING_NOT_FOUND} (each logged), {@code PERSON_NOT_FOUND} or
     * {@code PROVIDER_NOT_FOUND} otherwise.
     */
    @PostMapping("/api/v1/releases")
    @PreAuthorize("hasAuthority('RELEASE')")
    ReleaseView release(@Valid @RequestBody ReleaseRequest request) {
        return release.release(request).orElseThrow();
    }
}
