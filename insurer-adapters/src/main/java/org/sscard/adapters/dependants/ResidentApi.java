package org.sscard.adapters.dependants;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/**
 * 被扶養者確認 for the insured person, through My Portal (the gateway calls it with the person's pairwise token):
 * this fiscal year's state, and the answers. The person is the token's {@code sub}; no request names anyone else.
 */
@RestController
class ResidentApi {

    private final ProviderResolver providers;
    private final ResidentVerification verification;

    ResidentApi(ProviderResolver providers, ResidentVerification verification) {
        this.providers = providers;
        this.verification = verification;
    }

    @Operation(summary = "被扶養者確認: this fiscal year's dependants and the insured person's submission, if any")
    @GetMapping("/{provider}/api/v1/dependant-verification")
    @PreAuthorize("hasAuthority('DEPENDANTS_ANSWER')")
    ResidentState state(@PathVariable String provider, @AuthenticationPrincipal Caller caller) {
        return verification.state(insurer(provider, caller), caller);
    }

    @Operation(summary = "被扶養者確認: the insured person answers for every current dependant, all at once")
    @PostMapping("/{provider}/api/v1/dependant-verification")
    @PreAuthorize("hasAuthority('DEPENDANTS_ANSWER')")
    ResponseEntity<ResidentState> submit(
            @PathVariable String provider,
            @AuthenticationPrincipal Caller caller,
            @Valid @RequestBody SubmitRequest request) {
        Provider insurer = insurer(provider, caller);
        ResidentState state = verification.submit(insurer, caller, request);
        return ResponseEntity.created(URI.create("/" + insurer.key() + "/api/v1/dependant-verification"))
                .body(state);
    }

    private Provider insurer(String key, Caller caller) {
        return providers.provider(key, caller, ProviderKind.INSURER);
    }
}
