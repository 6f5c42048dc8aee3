package org.sscard.adapters.audit;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.security.Caller;
import org.sscard.adapters.security.ProviderResolver;

/** The person's own entries of this provider's access log, newest first (the contract the gateway relies on). */
@RestController
class AccessLogApi {

    private final ProviderResolver providers;
    private final AccessLog accessLog;

    AccessLogApi(ProviderResolver providers, AccessLog accessLog) {
        this.providers = providers;
        this.accessLog = accessLog;
    }

    @Operation(summary = "Who saw or changed the person's data here, newest first")
    @GetMapping("/{provider}/api/v1/access-log")
    @PreAuthorize("hasAuthority('PERSON_READ')")
    List<AccessLog.Entry> entries(@PathVariable String provider, @AuthenticationPrincipal Caller caller) {
        Provider own = providers.provider(provider, caller, null);
        accessLog.record(own, caller, AccessAction.ACCESS_LOG_READ);
        return accessLog.entries(own, caller.subject());
    }
}
