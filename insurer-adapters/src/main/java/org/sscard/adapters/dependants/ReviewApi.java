package org.sscard.adapters.dependants;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;
import org.sscard.common.web.CommonError;

/**
 * The insurer's own administrator, through the operators' console (operator token, aud = the insurer), reviews its
 * insured persons' dependant verifications: the queue, one verification, accept, return. Nobody else: the
 * authority is granted to that operator only ({@code ProviderTokens}), and checked here once more.
 */
@RestController
@RequestMapping("/{provider}/api/v1/dependant-verifications")
class ReviewApi {

    private final ProviderResolver providers;
    private final Review review;
    private final Decisions decisions;

    ReviewApi(ProviderResolver providers, Review review, Decisions decisions) {
        this.providers = providers;
        this.review = review;
        this.decisions = decisions;
    }

    @Operation(summary = "被扶養者確認: the verifications, oldest submission first (status: absent = every status)")
    @GetMapping
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW')")
    ReviewItem.Page list(
            @PathVariable String provider,
            @RequestParam(required = false) Status status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @AuthenticationPrincipal Caller caller) {
        return review.list(insurer(provider, caller), caller, status, page, size);
    }

    @Operation(summary = "被扶養者確認: one verification with its history")
    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW')")
    ReviewItem one(@PathVariable String provider, @PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
        return review.one(insurer(provider, caller), caller, id);
    }

    @Operation(summary = "被扶養者確認: accept; dependants no longer dependant lose their eligibility today")
    @PostMapping("/{id}/accept")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW')")
    ReviewItem accept(
            @PathVariable String provider,
            @PathVariable UUID id,
            @Valid @RequestBody(required = false) DecisionRequest request,
            @AuthenticationPrincipal Caller caller) {
        return decisions.accept(insurer(provider, caller), caller, id, request == null ? null : request.text());
    }

    @Operation(summary = "被扶養者確認: return to the insured person with a reason; they answer again")
    @PostMapping("/{id}/return")
    @PreAuthorize("hasAuthority('DEPENDANTS_REVIEW')")
    ReviewItem giveBack(
            @PathVariable String provider,
            @PathVariable UUID id,
            @Valid @RequestBody DecisionRequest request,
            @AuthenticationPrincipal Caller caller) {
        return decisions.giveBack(insurer(provider, caller), caller, id, request.text());
    }

    private Provider insurer(String key, Caller caller) {
        if (caller.kind() != Caller.Kind.OPERATOR) {
            throw new org.springframework.security.access.AccessDeniedException(
                    CommonError.FORBIDDEN.name() + ": only the insurer's own administrator reviews");
        }
        return providers.provider(key, caller, ProviderKind.INSURER);
    }
}
