package org.sscard.adapters.insurer;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.error.AdaptersError;
import org.sscard.adapters.error.AdaptersException;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** An insurer's JSON API for the gateway: the person named by the token's {@code sub}, and only them. */
@RestController
@RequestMapping("/{provider}/api/v1")
class InsurerApi {

    private final ProviderResolver providers;
    private final InsurerRecords records;
    private final AccessLog accessLog;

    InsurerApi(ProviderResolver providers, InsurerRecords records, AccessLog accessLog) {
        this.providers = providers;
        this.records = records;
        this.accessLog = accessLog;
    }

    @Operation(summary = "資格: the person's eligibility")
    @GetMapping("/eligibility")
    @PreAuthorize("hasAnyAuthority('PERSON_READ', 'ELIGIBILITY_READ')")
    Eligibility eligibility(@PathVariable String provider, @AuthenticationPrincipal Caller caller) {
        Provider insurer = providers.provider(provider, caller, ProviderKind.INSURER);
        accessLog.record(insurer, caller, AccessAction.ELIGIBILITY_READ);
        return records.eligibility(insurer, caller.subject())
                .orElseThrow(() ->
                        new AdaptersException(AdaptersError.NO_RECORD, "no eligibility is recorded for this person"));
    }

    @Operation(summary = "医療費のお知らせ: a calendar year's notices (default: the latest year with notices)")
    @GetMapping("/notices")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    NoticeYear notices(
            @PathVariable String provider,
            @RequestParam(required = false) Integer year,
            @AuthenticationPrincipal Caller caller) {
        Provider insurer = providers.provider(provider, caller, ProviderKind.INSURER);
        accessLog.record(insurer, caller, AccessAction.NOTICES_READ);
        return records.notices(insurer, caller.subject(), year);
    }

    @Operation(summary = "健診: checkups and trends of numeric items")
    @GetMapping("/checkups")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    Checkups checkups(@PathVariable String provider, @AuthenticationPrincipal Caller caller) {
        Provider insurer = providers.provider(provider, caller, ProviderKind.INSURER);
        accessLog.record(insurer, caller, AccessAction.CHECKUPS_READ);
        return records.checkups(insurer, caller.subject());
    }
}
