package org.sscard.adapters.linkage;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;
import org.sscard.common.web.CommonError;

/** The insurer's own administrator (operators' console) reads the previous-coverage notices the relay delivered. */
@RestController
class NoticesApi {

    private final ProviderResolver providers;
    private final Notices notices;

    NoticesApi(ProviderResolver providers, Notices notices) {
        this.providers = providers;
        this.notices = notices;
    }

    @Operation(summary = "前の保険の喪失: the relay's notices that a member's previous coverage ended, newest first")
    @GetMapping("/{provider}/api/v1/linkage/notices")
    @PreAuthorize("hasAuthority('LINKAGE_READ')")
    Notices.Page list(
            @PathVariable String provider,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @AuthenticationPrincipal Caller caller) {
        if (caller.kind() != Caller.Kind.OPERATOR) {
            throw new AccessDeniedException(CommonError.FORBIDDEN.name() + ": the insurer's own administrator only");
        }
        return notices.page(providers.provider(provider, caller, ProviderKind.INSURER), caller, page, size);
    }
}
