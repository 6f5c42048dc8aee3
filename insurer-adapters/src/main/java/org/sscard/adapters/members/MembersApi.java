package org.sscard.adapters.members;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;
import org.sscard.common.web.CommonError;

/**
 * The insurer's own administrator, through the operators' console (operator token, aud = the insurer, role
 * INSURER_ADMIN of this insurer), lists its members and registers joiners and losses of coverage; each
 * registration is told to the relay. Nobody else: the authorities are granted to that operator only
 * ({@code ProviderTokens}), and the caller's kind is checked here once more.
 */
@RestController
@RequestMapping("/{provider}/api/v1/members")
class MembersApi {

    private final ProviderResolver providers;
    private final Members members;

    MembersApi(ProviderResolver providers, Members members) {
        this.providers = providers;
        this.members = members;
    }

    @Operation(summary = "加入者一覧: the members, by symbol and number (q: the start of the kana name or the number)")
    @GetMapping
    @PreAuthorize("hasAuthority('MEMBER_LIST')")
    Member.Page list(
            @PathVariable String provider,
            @RequestParam(required = false) @Size(max = 60) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(100) int size,
            @AuthenticationPrincipal Caller caller) {
        return members.list(insurer(provider, caller), caller, q, page, size);
    }

    @Operation(summary = "加入の登録: a joiner; the relay is told (MEMBER_JOINED) in the same transaction")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('MEMBER_REGISTER')")
    Member join(
            @PathVariable String provider,
            @Valid @RequestBody JoinRequest request,
            @AuthenticationPrincipal Caller caller) {
        return members.join(insurer(provider, caller), caller, request);
    }

    @Operation(summary = "資格喪失の登録: the first day not covered and why; the relay is told (MEMBER_LEFT)")
    @PostMapping("/{localId}/loss")
    @PreAuthorize("hasAuthority('MEMBER_REGISTER')")
    Member loss(
            @PathVariable String provider,
            @PathVariable String localId,
            @Valid @RequestBody LossRequest request,
            @AuthenticationPrincipal Caller caller) {
        return members.loss(insurer(provider, caller), caller, localId, request);
    }

    private Provider insurer(String key, Caller caller) {
        if (caller.kind() != Caller.Kind.OPERATOR) {
            throw new AccessDeniedException(CommonError.FORBIDDEN.name() + ": the insurer's own administrator only");
        }
        return providers.provider(key, caller, ProviderKind.INSURER);
    }
}
