package org.sscard.adapters.pension;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.audit.AccessAction;
import org.sscard.adapters.audit.AccessLog;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** The pension office's JSON API (demonstration data). */
@RestController
class PensionApi {

    private final ProviderResolver providers;
    private final PensionRecords records;
    private final AccessLog accessLog;

    PensionApi(ProviderResolver providers, PensionRecords records, AccessLog accessLog) {
        this.providers = providers;
        this.records = records;
        this.accessLog = accessLog;
    }

    @Operation(summary = "納付記録と年金見込額 (demonstration data)")
    @GetMapping("/{provider}/api/v1/pension")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    PensionRecord pension(@PathVariable String provider, @AuthenticationPrincipal Caller caller) {
        Provider office = providers.provider(provider, caller, ProviderKind.PENSION);
        accessLog.record(office, caller, AccessAction.PENSION_READ);
        return records.record(office, caller.subject());
    }
}
